package com.disclosuredesk.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.moderation.TriagePolicy.Clock;
import com.disclosuredesk.moderation.TriagePolicy.PriorityClass;
import com.disclosuredesk.moderation.TriagePolicy.Reported;
import com.disclosuredesk.moderation.TriagePolicy.Triage;

import org.junit.jupiter.api.Test;

class TriagePolicyTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static TriagePolicy policy() {
        return new TriagePolicy(new TriagePolicy.Settings(Map.of(
                PriorityClass.CRITICAL, new Clock(Duration.ofHours(1), 100),
                PriorityClass.URGENT, new Clock(Duration.ofHours(4), 80),
                PriorityClass.HIGH, new Clock(Duration.ofHours(24), 60),
                PriorityClass.NORMAL, new Clock(Duration.ofHours(72), 40)),
                Set.of("CHILD_SEXUAL_ABUSE_MATERIAL", "TERRORIST_CONTENT", "COORDINATED_HARM", "SUICIDE"),
                Set.of("PROTECTION_OF_MINORS", "RISK_FOR_PUBLIC_SECURITY", "SELF_HARM", "VIOLENCE"),
                Set.of("SCAMS_AND_FRAUD", "ILLEGAL_OR_HARMFUL_SPEECH"), 10, 100, PriorityClass.URGENT, 90));
    }

    @Test
    void csamTerrorismAndThreatsToLifeAreCriticalWithTheShortestClock() {
        TriagePolicy policy = policy();
        assertThat(policy.classify("PROTECTION_OF_MINORS", "CHILD_SEXUAL_ABUSE_MATERIAL", 1, 0)).isEqualTo(PriorityClass.CRITICAL);
        assertThat(policy.classify("RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", 1, 0)).isEqualTo(PriorityClass.CRITICAL);
        assertThat(policy.classify("VIOLENCE", "COORDINATED_HARM", 1, 0)).isEqualTo(PriorityClass.CRITICAL);
        assertThat(policy.classify("SELF_HARM", "SUICIDE", 1, 0)).isEqualTo(PriorityClass.CRITICAL);
        Triage triage = policy.triage("RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", 1, 0, T0);
        assertThat(triage).isEqualTo(new Triage(PriorityClass.CRITICAL, 100, T0.plus(Duration.ofHours(1))));
    }

    @Test
    void categoriesGiveUrgentHighOrNormal() {
        TriagePolicy policy = policy();
        assertThat(policy.classify("VIOLENCE", null, 1, 0)).isEqualTo(PriorityClass.URGENT);
        assertThat(policy.classify("SCAMS_AND_FRAUD", "PHISHING", 1, 0)).isEqualTo(PriorityClass.HIGH);
        assertThat(policy.triage("ANIMAL_WELFARE", null, 1, 0, T0))
                .isEqualTo(new Triage(PriorityClass.NORMAL, 40, T0.plus(Duration.ofHours(72))));
    }

    @Test
    void trustedFlaggersAndNoticeCountsRaiseTheClassUpToUrgentOnly() {
        TriagePolicy policy = policy();
        assertThat(policy.classify("ANIMAL_WELFARE", null, 1, 1)).isEqualTo(PriorityClass.HIGH);
        assertThat(policy.classify("ANIMAL_WELFARE", null, 9, 0)).isEqualTo(PriorityClass.NORMAL);
        assertThat(policy.classify("ANIMAL_WELFARE", null, 10, 0)).isEqualTo(PriorityClass.HIGH);
        assertThat(policy.classify("ANIMAL_WELFARE", null, 100, 0)).isEqualTo(PriorityClass.URGENT);
        assertThat(policy.classify("ANIMAL_WELFARE", null, 100, 5)).isEqualTo(PriorityClass.URGENT);
        assertThat(policy.classify("VIOLENCE", null, 5000, 3)).as("counts never make a case critical").isEqualTo(PriorityClass.URGENT);
    }

    @Test
    void theMostUrgentNoticeOfACaseCounts() {
        assertThat(policy().classify(List.of(new Reported("ANIMAL_WELFARE", null), new Reported("VIOLENCE", "COORDINATED_HARM")), 2, 0))
                .isEqualTo(PriorityClass.CRITICAL);
    }

    @Test
    void aJoiningNoticeRaisesTheClassAndShortensTheClockFromTheSameStart() {
        TriagePolicy policy = policy();
        Triage normal = policy.triage("ANIMAL_WELFARE", null, 1, 0, T0);
        // a trusted flagger's notice: NORMAL -> HIGH, due 24 h after the same start
        Triage raised = policy.retriage(normal, new Reported("ANIMAL_WELFARE", null), true, 2, 1);
        assertThat(raised).isEqualTo(new Triage(PriorityClass.HIGH, 60, T0.plus(Duration.ofHours(24))));
        // another ordinary notice: nothing changes (no write)
        assertThat(policy.retriage(raised, new Reported("ANIMAL_WELFARE", null), false, 3, 1)).isSameAs(raised);
        // the tenth notice raises once more
        assertThat(policy.retriage(raised, new Reported("ANIMAL_WELFARE", null), false, 10, 1).priorityClass())
                .isEqualTo(PriorityClass.URGENT);
        // a notice reporting terrorist content makes it critical
        assertThat(policy.retriage(raised, new Reported("RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT"), false, 3, 1))
                .isEqualTo(new Triage(PriorityClass.CRITICAL, 100, T0.plus(Duration.ofHours(1))));
    }

    @Test
    void aClassNeverFallsAndTheDueDateNeverMovesLater() {
        TriagePolicy policy = policy();
        Triage critical = policy.triage("RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", 1, 0, T0);
        assertThat(policy.retriage(critical, new Reported("ANIMAL_WELFARE", null), false, 2, 0)).isSameAs(critical);
    }

    @Test
    void escalationRaisesToTheEscalatedPriorityButNeverLowers() {
        assertThat(policy().escalatedPriority(40)).isEqualTo(90);
        assertThat(policy().escalatedPriority(100)).isEqualTo(100);
    }

    @Test
    void settingsNameWhatIsMissing() {
        assertThatThrownBy(() -> new TriagePolicy.Settings(Map.of(PriorityClass.CRITICAL, new Clock(Duration.ofHours(1), 100)),
                null, null, null, 10, 100, null, 90)).hasMessageContaining("disclosure-desk.moderation.triage.classes.URGENT");
        assertThatThrownBy(() -> new TriagePolicy.Settings(policy().settings().classes(), null, null, null, 10, 5, null, 90))
                .hasMessageContaining("viral-notices");
    }
}
