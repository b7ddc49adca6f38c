package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import com.disclosuredesk.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Period ids: months besides quarters and ranges; the month or quarter just ended; bad ids name the field. */
class ReportPeriodTest {

    @Test
    void aWholeMonthHasAMonthIdAndItsRangeIsTheSamePeriod() {
        ReportPeriod november = ReportPeriod.ofId("2026-11");
        assertThat(november).isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertThat(november.id()).isEqualTo("2026-11");
        assertThat(november.isMonth()).isTrue();
        assertThat(november.isQuarter()).isFalse();
        assertThat(ReportPeriod.ofId("2026-11-01_2026-11-30").id()).isEqualTo("2026-11");
        assertThat(ReportPeriod.ofId("2028-02").to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ReportPeriod.parse("2026-02-01", "2026-02-28").id()).isEqualTo("2026-02");
        assertThat(ReportPeriod.parse("2026-02-01", "2026-02-27").id()).isEqualTo("2026-02-01_2026-02-27");
        assertThat(ReportPeriod.ofId("2026-Q4").id()).as("a quarter keeps its quarter id").isEqualTo("2026-Q4");
        assertThat(PublishedReports.canonical("2025-07-01_2025-07-31")).isEqualTo("2025-07");
        assertThat(PublishedReports.canonical("not-a-period")).isEqualTo("not-a-period");
    }

    @Test
    void theMonthOrQuarterJustEndedInUtc() {
        assertThat(ReportPeriod.monthEndedBefore(Instant.parse("2027-01-01T00:00:05Z")).id()).isEqualTo("2026-12");
        assertThat(ReportPeriod.monthEndedBefore(Instant.parse("2026-12-31T23:59:59Z")).id()).isEqualTo("2026-11");
        assertThat(ReportPeriod.monthEndedBefore(Instant.parse("2026-03-01T12:00:00Z")))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(FrozenPeriod.MONTH.endedBefore(Instant.parse("2027-01-01T12:00:00Z")).id()).isEqualTo("2026-12");
        assertThat(FrozenPeriod.QUARTER.endedBefore(Instant.parse("2027-01-01T12:00:00Z")).id()).isEqualTo("2026-Q4");
        assertThat(FrozenPeriod.QUARTER.endedBefore(Instant.parse("2026-11-01T12:00:00Z")).id()).isEqualTo("2026-Q3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "2026-Q5", "2026-11-31_2026-12-01", "26-11", "2026-11-xx", ""})
    void aBadIdIsAProblemNamingThePeriod(String id) {
        assertThatThrownBy(() -> ReportPeriod.ofId(id)).isInstanceOfSatisfying(ReportRequestException.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("period"));
    }

    @Test
    void monthlyFreezingNeedsACronThatFiresEveryMonth() {
        assertThat(new TransparencySchedule.Settings("0 0 12 1 * ?", FrozenPeriod.MONTH).frozenPeriod())
                .isEqualTo(FrozenPeriod.MONTH);
        assertThat(new TransparencySchedule.Settings("0 0 12 1 1,4,7,10 ?", FrozenPeriod.QUARTER).frozenPeriod())
                .isEqualTo(FrozenPeriod.QUARTER);
        assertThatThrownBy(() -> new TransparencySchedule.Settings("0 0 12 1 1,4,7,10 ?", FrozenPeriod.MONTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frozen-period is MONTH");
        assertThatThrownBy(() -> new TransparencySchedule.Settings("0 0 12 1 * ?", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frozen-period is not set");
    }
}
