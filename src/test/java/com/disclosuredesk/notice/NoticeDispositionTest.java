package com.disclosuredesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ModerationCase;

import org.junit.jupiter.api.Test;

/** Which case a notice goes to ({@link NoticeIntakeService#dispositionOn}): open joins, recently decided gets the decision. */
class NoticeDispositionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private static ModerationCase of(CaseStatus status, Instant decidedAt) {
        return new ModerationCase("CR-2026-000001", "ACCOUNT:x", "ACCOUNT", "x", null, "VIOLENCE", null, null, status, 1, 0, null,
                null, null, "pi", NOW.minus(Duration.ofDays(60)), decidedAt == null ? null : 1L, decidedAt, null);
    }

    @Test
    void openCasesAreJoined() {
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.RECEIVED, null), NOW, WINDOW)).isEqualTo(Disposition.JOINED);
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.IN_REVIEW, null), NOW, WINDOW)).isEqualTo(Disposition.JOINED);
    }

    @Test
    void aDecisionOfTheLast30DaysIsThatOfTheNotice() {
        Instant recent = NOW.minus(Duration.ofDays(30)).plusSeconds(1);
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.DECIDED, recent), NOW, WINDOW)).isEqualTo(Disposition.ALREADY_DECIDED);
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.IN_COMPLAINT, recent), NOW, WINDOW))
                .isEqualTo(Disposition.ALREADY_DECIDED);
    }

    @Test
    void olderDecisionsAndClosedCasesStartANewCase() {
        Instant old = NOW.minus(Duration.ofDays(30));
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.DECIDED, old), NOW, WINDOW)).isNull();
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.CLOSED, NOW.minus(Duration.ofDays(1))), NOW, WINDOW)).isNull();
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.DECIDED, null), NOW, WINDOW)).isNull();
        assertThat(NoticeIntakeService.dispositionOn(of(CaseStatus.DECIDED, NOW.minus(Duration.ofDays(2))), NOW, Duration.ofDays(1)))
                .isNull();
    }
}
