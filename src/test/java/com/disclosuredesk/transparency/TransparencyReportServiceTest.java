package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on known ledger entries, and the bounds of its periods (UTC, both ends inclusive). */
class TransparencyReportServiceTest {

    private static final ReportPeriod Q4_2026 = ReportPeriod.quarter(2026, 4);

    private MutableClock clock;
    private TransparencyLedger ledger;
    private TransparencyReportService reports;
    private int orders;

    @BeforeEach
    void ledgerWithKnownEntries() {
        DataSource ds = MigratedDatabase.newDatabase();
        clock = new MutableClock(Instant.parse("2026-10-01T00:00:00Z"));
        ledger = new TransparencyLedger(JdbcClient.create(ds), clock);
        reports = new TransparencyReportService(JdbcClient.create(ds), ledger, clock);

        // Germany: 4 requests in Q4, the last one in the last microsecond of the quarter
        end("2026-10-05T09:00:00Z", "DE", OrderType.COURT_ORDER, false, 3, OrderOutcome.FULFILLED, 2);
        end("2026-11-01T00:00:00Z", "DE", OrderType.COURT_ORDER, false, 1, OrderOutcome.NO_DATA, 0);
        end("2026-12-31T23:59:59.999999Z", "DE", OrderType.EMERGENCY_REQUEST, true, 1, OrderOutcome.FULFILLED, 1);
        end("2026-12-10T12:00:00Z", "DE", OrderType.SUBPOENA, false, 2, OrderOutcome.REJECTED, 0);
        // France: 3 requests in Q4
        end("2026-11-15T08:30:00Z", "FR", OrderType.EU_PRODUCTION_ORDER, false, 1, OrderOutcome.FULFILLED, 1);
        end("2026-11-16T08:30:00Z", "FR", OrderType.SEARCH_WARRANT, false, 1, OrderOutcome.INVALID, 0);
        end("2026-11-17T08:30:00Z", "FR", OrderType.PRESERVATION_REQUEST, false, 1, OrderOutcome.WITHDRAWN, 0);
        // United States: one in the first instant of Q1 2027, one in the last of Q3, one at 23:30Z on 31 December
        // (already 1 January in Berlin, still Q4 in UTC)
        end("2027-01-01T00:00:00Z", "US", OrderType.COURT_ORDER, false, 5, OrderOutcome.FULFILLED, 5);
        end("2026-09-30T23:59:59.999999Z", "US", OrderType.COURT_ORDER, false, 1, OrderOutcome.FULFILLED, 1);
        end("2026-12-31T23:30:00Z", "US", OrderType.COURT_ORDER, true, 3, OrderOutcome.FULFILLED, 3);
    }

    private void end(String endedAt, String country, OrderType type, boolean emergency, int targets, OrderOutcome outcome,
                     int usersAffected) {
        clock.set(Instant.parse(endedAt));
        ledger.append(LedgerTestOrders.order(String.format("LO-2026-%06d", ++orders), country, type, emergency, targets),
                outcome, usersAffected);
    }

    private static TransparencyReport.Row country(TransparencyReport report, String code) {
        return report.countries().stream().filter(r -> code.equals(r.country())).findFirst().orElseThrow();
    }

    @Test
    void figuresPerCountry() {
        TransparencyReport report = reports.compute(Q4_2026);

        assertThat(report.countries()).extracting(TransparencyReport.Row::countryName)
                .containsExactly("France", "Germany", "United States");
        TransparencyReport.Row de = country(report, "DE");
        assertThat(de.requests()).isEqualTo(4);
        assertThat(de.accountsSpecified()).isEqualTo(7);
        assertThat(de.requestsFulfilled()).isEqualTo(2);
        assertThat(de.usersAffected()).isEqualTo(3);
        assertThat(de.percentageWhereSomeDataProduced()).isEqualByComparingTo("50.0");
        assertThat(de.outcomes()).containsEntry("FULFILLED", 2L).containsEntry("NO_DATA", 1L).containsEntry("REJECTED", 1L)
                .containsEntry("INVALID", 0L).containsEntry("WITHDRAWN", 0L);
        assertThat(de.byOrderType()).hasSize(OrderType.values().length)
                .containsEntry("COURT_ORDER", new TransparencyReport.Split(2, 1))
                .containsEntry("EMERGENCY_REQUEST", new TransparencyReport.Split(1, 1))
                .containsEntry("SUBPOENA", new TransparencyReport.Split(1, 0))
                .containsEntry("SEARCH_WARRANT", new TransparencyReport.Split(0, 0));
        assertThat(de.byLegalProcess()).containsEntry("JUDICIAL_ORDER", new TransparencyReport.Split(2, 1))
                .containsEntry("EMERGENCY", new TransparencyReport.Split(1, 1))
                .containsEntry("SUBPOENA", new TransparencyReport.Split(1, 0));
        assertThat(de.emergency()).isEqualTo(new TransparencyReport.Split(1, 1));
        assertThat(de.botLine()).isEqualTo(
                "Fulfilled requests from Germany for IP address and/or phone number: 2. Affected users: 3.");

        TransparencyReport.Row fr = country(report, "FR");
        assertThat(fr.requests()).isEqualTo(3);
        assertThat(fr.requestsFulfilled()).isEqualTo(1);
        assertThat(fr.usersAffected()).isEqualTo(1);
        assertThat(fr.percentageWhereSomeDataProduced()).isEqualByComparingTo("33.3");
        assertThat(fr.byLegalProcess()).containsEntry("EU_PRODUCTION_ORDER", new TransparencyReport.Split(1, 1))
                .containsEntry("JUDICIAL_ORDER", new TransparencyReport.Split(1, 0))
                .containsEntry("PRESERVATION", new TransparencyReport.Split(1, 0));
        assertThat(fr.emergency()).isEqualTo(new TransparencyReport.Split(0, 0));
        assertThat(fr.botLine()).isEqualTo(
                "Fulfilled requests from France for IP address and/or phone number: 1. Affected users: 1.");

        TransparencyReport.Row us = country(report, "US");
        assertThat(us.requests()).isEqualTo(1);
        assertThat(us.usersAffected()).isEqualTo(3);
        assertThat(us.percentageWhereSomeDataProduced()).isEqualByComparingTo("100.0");
        assertThat(us.emergency()).as("an emergency court order counts as an emergency")
                .isEqualTo(new TransparencyReport.Split(1, 1));
    }

    @Test
    void totalsAreTheSumOfTheCountries() {
        TransparencyReport report = reports.compute(Q4_2026);

        TransparencyReport.Row totals = report.totals();
        assertThat(totals.country()).isNull();
        assertThat(totals.botLine()).isNull();
        assertThat(totals.requests()).isEqualTo(8);
        assertThat(totals.accountsSpecified()).isEqualTo(13);
        assertThat(totals.requestsFulfilled()).isEqualTo(4);
        assertThat(totals.usersAffected()).isEqualTo(7);
        assertThat(totals.percentageWhereSomeDataProduced()).isEqualByComparingTo("50.0");
        assertThat(totals.emergency()).isEqualTo(new TransparencyReport.Split(2, 2));
        assertThat(totals.byOrderType()).containsEntry("COURT_ORDER", new TransparencyReport.Split(3, 2));
        assertThat(totals.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
        assertThat(report.countries().stream().mapToLong(TransparencyReport.Row::requests).sum()).isEqualTo(8);
    }

    @Test
    void reportNamesItsPeriodAndTheLedgerHeadItWasComputedFrom() {
        clock.set(Instant.parse("2027-01-02T10:00:00.123456Z"));
        TransparencyReport report = reports.compute(Q4_2026);

        assertThat(report.period()).isEqualTo(new TransparencyReport.Period("2026-Q4", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), "UTC"));
        assertThat(report.computedAt()).isEqualTo(Instant.parse("2027-01-02T10:00:00.123Z"));
        assertThat(report.ledger().headSeq()).isEqualTo(10);
        assertThat(report.ledger().headHash()).isEqualTo(ledger.head().hash()).isEqualTo(ledger.verify().headHash());
    }

    @Test
    void entriesAfterTheGivenHeadAreLeftOut() {
        TransparencyLedger.Head atFive = new TransparencyLedger.Head(5, ledger.link(5).orElseThrow().entryHash());

        TransparencyReport report = reports.computeFromEntries(Q4_2026, atFive);

        assertThat(report.totals().requests()).isEqualTo(5);
        assertThat(report.ledger()).isEqualTo(new TransparencyReport.Ledger(5, atFive.hash()));
        assertThat(report.countries()).extracting(TransparencyReport.Row::country).containsExactly("FR", "DE");
    }

    @Test
    void orderEndedOnTheLastDayOfAQuarterCountsInThatQuarterInUtc() {
        TransparencyReport q3 = reports.compute(ReportPeriod.quarter(2026, 3));
        TransparencyReport q1 = reports.compute(ReportPeriod.quarter(2027, 1));
        TransparencyReport lastDay = reports.compute(ReportPeriod.parse("2026-12-31", "2026-12-31"));
        TransparencyReport firstDay = reports.compute(ReportPeriod.parse("2027-01-01", "2027-01-01"));

        assertThat(q3.totals().requests()).isEqualTo(1);
        assertThat(country(q3, "US").usersAffected()).isEqualTo(1);
        assertThat(q1.totals().requests()).isEqualTo(1);
        assertThat(country(q1, "US").usersAffected()).isEqualTo(5);
        assertThat(lastDay.countries()).extracting(TransparencyReport.Row::country).containsExactly("DE", "US");
        assertThat(lastDay.totals().requests()).isEqualTo(2);
        assertThat(firstDay.totals().requests()).isEqualTo(1);
        assertThat(reports.compute(ReportPeriod.parse("2026-07-01", "2027-03-31")).totals().requests()).isEqualTo(10);
    }

    @Test
    void liveReportFromMonthlyTotalsEqualsTheReportFromEntries() {
        TransparencyLedger.Head head = ledger.head();
        for (String[] p : new String[][] {{"2026-10-01", "2026-12-31"}, {"2026-10-05", "2026-12-31"},
                {"2026-10-01", "2026-12-30"}, {"2026-11-01", "2026-11-30"}, {"2026-11-02", "2026-11-29"},
                {"2026-12-31", "2026-12-31"}, {"2026-09-30", "2027-01-01"}, {"2026-07-01", "2027-03-31"},
                {"2025-01-01", "2029-12-31"}, {"2026-11-16", "2026-11-16"}}) {
            ReportPeriod period = ReportPeriod.parse(p[0], p[1]);

            TransparencyReport live = reports.compute(period);
            TransparencyReport fromEntries = reports.computeFromEntries(period, head);

            assertThat(live.countries()).as(period.id()).isEqualTo(fromEntries.countries());
            assertThat(live.totals()).as(period.id()).isEqualTo(fromEntries.totals());
            assertThat(live.ledger()).isEqualTo(fromEntries.ledger());
        }
        assertThat(reports.compute(ReportPeriod.parse("2026-09-30", "2027-01-01")).totals().requests()).isEqualTo(10);
    }

    @Test
    void periodIsCutIntoPartialMonthsAndWholeMonths() {
        assertThat(TransparencyReportService.Split.of(ReportPeriod.quarter(2026, 4))).isEqualTo(new TransparencyReportService.Split(
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), 202610, 202701,
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(TransparencyReportService.Split.of(ReportPeriod.parse("2026-10-05", "2027-01-10"))).isEqualTo(
                new TransparencyReportService.Split(Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
                        202611, 202701, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-11T00:00:00Z")));
        assertThat(TransparencyReportService.Split.of(ReportPeriod.parse("2026-10-05", "2026-10-20"))).isEqualTo(
                new TransparencyReportService.Split(Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-10-21T00:00:00Z"),
                        0, 0, Instant.parse("2026-10-21T00:00:00Z"), Instant.parse("2026-10-21T00:00:00Z")));
        assertThat(TransparencyReportService.Split.of(ReportPeriod.parse("2026-12-01", "2027-01-31")).firstMonth()).isEqualTo(202612);
        assertThat(TransparencyReportService.Split.of(ReportPeriod.parse("2026-12-01", "2027-01-31")).afterLastMonth()).isEqualTo(202702);
    }

    @Test
    void periodWithoutEntriesHasZeroTotalsAndNoPercentage() {
        TransparencyReport report = reports.compute(ReportPeriod.quarter(2025, 1));

        assertThat(report.countries()).isEmpty();
        assertThat(report.totals().requests()).isZero();
        assertThat(report.totals().percentageWhereSomeDataProduced()).isNull();
    }

    @Test
    void percentageHasOneDecimalRoundedHalfUp() {
        assertThat(TransparencyReportService.percentage(2, 3)).isEqualTo(new BigDecimal("66.7"));
        assertThat(TransparencyReportService.percentage(1, 3)).isEqualTo(new BigDecimal("33.3"));
        assertThat(TransparencyReportService.percentage(1, 6)).isEqualTo(new BigDecimal("16.7"));
        assertThat(TransparencyReportService.percentage(1, 16)).isEqualTo(new BigDecimal("6.3"));
        assertThat(TransparencyReportService.percentage(0, 7)).isEqualTo(new BigDecimal("0.0"));
        assertThat(TransparencyReportService.percentage(7, 7)).isEqualTo(new BigDecimal("100.0"));
        assertThat(TransparencyReportService.percentage(0, 0)).isNull();
    }

    @Test
    void countryNamesAreTheJdksEnglishNames() {
        assertThat(TransparencyReportService.countryName("DE")).isEqualTo("Germany");
        assertThat(TransparencyReportService.countryName("US")).isEqualTo("United States");
        assertThat(TransparencyReportService.countryName("CI")).isEqualTo("Côte d’Ivoire");
    }

    @Test
    void quarterJustEndedIsComputedInUtc() {
        assertThat(ReportPeriod.quarterEndedBefore(Instant.parse("2027-01-01T00:00:05Z")))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ReportPeriod.quarterEndedBefore(Instant.parse("2026-12-31T23:59:59Z")))
                .isEqualTo(ReportPeriod.quarter(2026, 3));
        assertThat(ReportPeriod.quarterEndedBefore(Instant.parse("2026-04-01T12:00:00Z")).id()).isEqualTo("2026-Q1");
        assertThat(ReportPeriod.quarterEndedBefore(Instant.parse("2026-07-15T00:00:00Z")).id()).isEqualTo("2026-Q2");
    }

    @Test
    void periodIds() {
        assertThat(ReportPeriod.quarter(2026, 4).id()).isEqualTo("2026-Q4");
        assertThat(ReportPeriod.parse("2026-01-01", "2026-03-31").id()).isEqualTo("2026-Q1");
        assertThat(ReportPeriod.parse("2026-01-01", "2026-03-30").id()).isEqualTo("2026-01-01_2026-03-30");
        assertThat(ReportPeriod.parse("2026-02-01", "2026-04-30").id()).isEqualTo("2026-02-01_2026-04-30");
        assertThat(ReportPeriod.ofId("2026-Q2")).isEqualTo(ReportPeriod.parse("2026-04-01", "2026-06-30"));
        assertThat(ReportPeriod.ofId("2026-04-01_2026-06-30").id()).isEqualTo("2026-Q2");
        assertThatThrownBy(() -> ReportPeriod.ofId("2026-Q5")).isInstanceOf(ReportRequestException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> ReportPeriod.ofId("2026-06-30_2026-04-01")).isInstanceOf(ReportRequestException.class);
    }

    @Test
    void badPeriodsNameTheirParameter() {
        assertThat(problems(null, "2026-12-31")).containsExactly("from: is required, as a date yyyy-MM-dd (UTC)");
        assertThat(problems("2026-10-01", "")).containsExactly("to: is required, as a date yyyy-MM-dd (UTC)");
        assertThat(problems("2026-13-01", "31.12.2026")).containsExactly("from: must be a date yyyy-MM-dd",
                "to: must be a date yyyy-MM-dd");
        assertThat(problems("2026-12-31", "2026-10-01")).containsExactly("to: must not be before from");
        assertThat(problems("2021-01-01", "2026-01-01")).containsExactly("to: the period may be at most 5 years long");
        assertThat(ReportPeriod.parse("2022-01-01", "2026-12-31").to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(problems("1969-12-31", "2026-01-01")).containsExactly("from: must be between 1970-01-01 and 9999-12-31");
    }

    private static java.util.List<String> problems(String from, String to) {
        try {
            ReportPeriod.parse(from, to);
            return java.util.List.of();
        } catch (ReportRequestException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
    }
}
