package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.ModerationRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The moderation figures on known rows inserted straight into the cr_* tables: every figure, the medians and the
 * bounds of the period (UTC, the first instant in, the instant after the last day out). Nothing is rolled up here:
 * {@code compute} reads every day from the rows (medians from the histograms, within 1%); the rollups:
 * ModerationRollupTest.
 */
class ModerationFiguresServiceTest {

    static final String SPEECH = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH";
    static final String SCAMS = "STATEMENT_CATEGORY_SCAMS_AND_FRAUD";
    static final String MINORS = "STATEMENT_CATEGORY_PROTECTION_OF_MINORS";

    private JdbcClient jdbc;
    private ModerationFiguresService figures;
    private ModerationRows rows;

    @BeforeEach
    void knownRows() {
        DataSource ds = MigratedDatabase.newDatabase();
        jdbc = JdbcClient.create(ds);
        figures = new ModerationFiguresService(jdbc);
        seed(jdbc);
    }

    /** The rows of {@link #quarterCountsEverythingInsideItsBounds}; also used by the report and CSV tests. */
    static void seed(JdbcClient jdbc) {
        ModerationFiguresServiceTest test = new ModerationFiguresServiceTest();
        test.rows = new ModerationRows(jdbc, 1, "gw");
        test.insertAll();
    }

    private void insertAll() {
        // A: two notices (the first at the first instant of Q4, one from a trusted flagger), removed under the law 4 h later
        kase("CR-A", SPEECH);
        notice("CR-A", "SOURCE_ARTICLE_16", SPEECH, "2026-10-01T00:00:00Z");
        notice("CR-A", "SOURCE_TRUSTED_FLAGGER", SPEECH, "2026-10-01T02:00:00Z");
        long a = decision("CR-A", "REVIEW", "REMOVE", "ILLEGAL_CONTENT", "2026-10-01T04:00:00Z", null);
        // B: restricted under the Terms of Service after 1 h; a complaint reverses it two days later
        kase("CR-B", SCAMS);
        notice("CR-B", "SOURCE_ARTICLE_16", SCAMS, "2026-11-10T00:00:00Z");
        long b = decision("CR-B", "REVIEW", "RESTRICT", "INCOMPATIBLE_CONTENT", "2026-11-10T01:00:00Z", null);
        complaint("CR-B", b, "2026-11-11T00:00:00Z", "REVERSED", "2026-11-12T00:00:00Z");
        decision("CR-B", "REVERSAL", "NO_ACTION", null, "2026-11-12T00:00:00Z", b);
        // C: a notice in the last microsecond of Q4, decided in the first instant of Q1 2027
        kase("CR-C", MINORS);
        notice("CR-C", "SOURCE_ARTICLE_16", MINORS, "2026-12-31T23:59:59.999999Z");
        decision("CR-C", "REVIEW", "NO_ACTION", null, "2027-01-01T00:00:00Z", null);
        // D: a notice in the last microsecond of Q3, removed in the last second of Q4 (a wait of three months)
        kase("CR-D", SPEECH);
        notice("CR-D", "SOURCE_ARTICLE_16", SPEECH, "2026-09-30T23:59:59.999999Z");
        long d = decision("CR-D", "REVIEW", "REMOVE", "INCOMPATIBLE_CONTENT", "2026-12-31T23:59:59Z", null);
        // E: a trusted flagger's notice, no action after 30 minutes
        kase("CR-E", SCAMS);
        notice("CR-E", "SOURCE_TRUSTED_FLAGGER", SCAMS, "2026-12-01T10:00:00Z");
        decision("CR-E", "REVIEW", "NO_ACTION", null, "2026-12-01T10:30:00Z", null);
        // complaints: one received in Q4 and decided in Q1 2027; one received in Q3 and upheld in Q4 after 30.5 days
        complaint("CR-D", d, "2026-12-20T00:00:00Z", "UPHELD", "2027-01-02T00:00:00Z");
        complaint("CR-A", a, "2026-09-01T00:00:00Z", "UPHELD", "2026-10-01T12:00:00Z");
        complaint("CR-A", a, "2026-12-21T00:00:00Z", "PENDING", null);
        // Art. 23
        measure("NOTIFIER", "SUSPENSION", "2026-10-05T00:00:00Z");
        measure("ACCOUNT", "SUSPENSION_PROPOSED", "2026-11-04T00:00:00Z");
        measure("ACCOUNT", "SUSPENSION", "2026-11-05T00:00:00Z");
        measure("NOTIFIER", "WARNING", "2026-11-06T00:00:00Z");
        measure("COMPLAINANT", "SUSPENSION", "2027-01-01T00:00:00Z");
        // Art. 18
        referral("CR-A", a, "DE", "2026-10-01T04:00:00Z");
        referral("CR-B", b, "DE", "2026-11-01T00:00:00Z");
        referral("CR-D", d, null, "2026-12-01T00:00:00Z");
        referral("CR-A", a, "FR", "2026-09-30T23:59:59Z");
    }

    @Test
    void quarterCountsEverythingInsideItsBounds() {
        ModerationFigures q4 = figures.compute(ReportPeriod.quarter(2026, 4));

        assertThat(q4.notices().total()).isEqualTo(5);
        assertThat(q4.notices().byTrustedFlaggers()).isEqualTo(2);
        assertThat(q4.notices().bySource()).containsExactly(entry("SOURCE_ARTICLE_16", 3L), entry("SOURCE_TRUSTED_FLAGGER", 2L));
        assertThat(q4.notices().byCategory()).containsOnly(entry(SPEECH, 2L), entry(SCAMS, 2L), entry(MINORS, 1L));

        assertThat(q4.actions().decisions()).isEqualTo(4);
        assertThat(q4.actions().byType()).containsExactly(entry("REMOVE", 2L), entry("RESTRICT", 1L), entry("NO_ACTION", 1L));
        assertThat(q4.actions().byGround()).containsExactly(entry("ILLEGAL_CONTENT", 1L), entry("INCOMPATIBLE_CONTENT", 2L));
        assertThat(q4.actions().byCategory()).containsOnly(entry(SPEECH, 2L), entry(SCAMS, 1L));
        assertThat(q4.actions().reversals()).isEqualTo(1);
        // waits of A (4 h, 2 h), B (1 h), D (three months) and E (30 min): the median is 2 h
        assertThat(q4.actions().noticesActioned()).isEqualTo(5);
        assertThat(q4.actions().medianTimeToDecisionSeconds()).isCloseTo(7200L, withinPercentage(1));

        assertThat(q4.complaints().received()).as("one reversed, one decided later, one pending").isEqualTo(3);
        assertThat(q4.complaints().decided()).isEqualTo(2);
        assertThat(q4.complaints().upheld()).isEqualTo(1);
        assertThat(q4.complaints().reversed()).isEqualTo(1);
        // 1 day and 30.5 days: the median is their mean
        assertThat(q4.complaints().medianTimeToDecisionSeconds()).isCloseTo((86_400L + 2_635_200L) / 2, withinPercentage(1));
        ModerationFigures exact = figures.computeExact(ReportPeriod.quarter(2026, 4));
        assertThat(exact.actions().medianTimeToDecisionSeconds()).isEqualTo(7200L);
        assertThat(exact.complaints().medianTimeToDecisionSeconds()).isEqualTo((86_400L + 2_635_200L) / 2);

        assertThat(q4.suspensions()).isEqualTo(new ModerationFigures.Suspensions(2, 1, 1, 0));
        assertThat(q4.referrals().total()).isEqualTo(3);
        assertThat(q4.referrals().byCountry()).containsExactly(entry("--", 1L), entry("DE", 2L));

        assertThat(q4.blockedPerDay()).hasSize(92);
        assertThat(q4.blockedPerDay().get(0)).isEqualTo(new ModerationFigures.Day(LocalDate.of(2026, 10, 1), 1, 0));
        assertThat(q4.blockedPerDay().get(91)).isEqualTo(new ModerationFigures.Day(LocalDate.of(2026, 12, 31), 1, 0));
        assertThat(q4.blockedPerDay()).filteredOn(day -> day.blocked() > 0 || day.lifted() > 0).containsExactly(
                new ModerationFigures.Day(LocalDate.of(2026, 10, 1), 1, 0),
                new ModerationFigures.Day(LocalDate.of(2026, 11, 10), 1, 0),
                new ModerationFigures.Day(LocalDate.of(2026, 11, 12), 0, 1),
                new ModerationFigures.Day(LocalDate.of(2026, 12, 31), 1, 0));
    }

    @Test
    void monthCountsOnlyItsOwnDays() {
        ModerationFigures november = figures.compute(new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));

        assertThat(november.notices().total()).isEqualTo(1);
        assertThat(november.notices().byTrustedFlaggers()).isZero();
        assertThat(november.actions().byType()).containsExactly(entry("REMOVE", 0L), entry("RESTRICT", 1L), entry("NO_ACTION", 0L));
        assertThat(november.actions().reversals()).isEqualTo(1);
        assertThat(november.actions().medianTimeToDecisionSeconds()).isCloseTo(3600L, withinPercentage(1));
        assertThat(november.complaints()).usingRecursiveComparison().ignoringFields("medianTimeToDecisionSeconds")
                .isEqualTo(new ModerationFigures.Complaints(1, 1, 0, 1, 86_400L));
        assertThat(november.complaints().medianTimeToDecisionSeconds()).isCloseTo(86_400L, withinPercentage(1));
        assertThat(november.suspensions()).isEqualTo(new ModerationFigures.Suspensions(1, 0, 1, 0));
        assertThat(november.referrals().byCountry()).containsExactly(entry("DE", 1L));
        assertThat(november.blockedPerDay()).hasSize(30);
        assertThat(november.blockedPerDay().get(9)).isEqualTo(new ModerationFigures.Day(LocalDate.of(2026, 11, 10), 1, 0));
        assertThat(november.blockedPerDay().get(11)).isEqualTo(new ModerationFigures.Day(LocalDate.of(2026, 11, 12), 0, 1));
    }

    @Test
    void lastDayOfTheQuarterAloneAndThePeriodWithoutRows() {
        ModerationFigures lastDay = figures.compute(lastDay());
        assertThat(lastDay.notices().byCategory()).containsOnly(entry(MINORS, 1L));
        assertThat(lastDay.actions().byType()).containsEntry("REMOVE", 1L);
        // D's notice waited from the last microsecond of Q3 to the last second of Q4: 92 days less a microsecond
        // (whole seconds; the databases may differ in the sub-second part of EXTRACT(EPOCH ...))
        assertThat(lastDay.actions().medianTimeToDecisionSeconds()).isCloseTo(92L * 86_400, withinPercentage(1));
        assertThat(figures.computeExact(lastDay()).actions().medianTimeToDecisionSeconds()).isCloseTo(92L * 86_400, within(1L));

        ModerationFigures empty = figures.compute(ReportPeriod.quarter(2025, 1));
        assertThat(empty.notices().total()).isZero();
        assertThat(empty.notices().bySource()).containsOnly(entry("SOURCE_ARTICLE_16", 0L), entry("SOURCE_TRUSTED_FLAGGER", 0L));
        assertThat(empty.actions().decisions()).isZero();
        assertThat(empty.actions().medianTimeToDecisionSeconds()).isNull();
        assertThat(empty.complaints()).isEqualTo(new ModerationFigures.Complaints(0, 0, 0, 0, null));
        assertThat(empty.suspensions().total()).isZero();
        assertThat(empty.referrals().byCountry()).isEmpty();
        assertThat(empty.blockedPerDay()).hasSize(90).allMatch(day -> day.blocked() == 0 && day.lifted() == 0);
    }

    private static ReportPeriod lastDay() {
        return new ReportPeriod(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31));
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private void kase(String caseNumber, String category) {
        rows.kase(caseNumber, category, at("2026-01-01T00:00:00Z"));
    }

    private void notice(String caseNumber, String source, String category, String receivedAt) {
        rows.notice(caseNumber, source, category, at(receivedAt));
    }

    private long decision(String caseNumber, String kind, String decision, String ground, String decidedAt, Long reverses) {
        return rows.decision(caseNumber, kind, decision, ground, at(decidedAt), reverses);
    }

    private void complaint(String caseNumber, long decisionId, String receivedAt, String status, String decidedAt) {
        rows.complaint(caseNumber, decisionId, at(receivedAt), status, at(decidedAt));
    }

    private void measure(String partyKind, String measure, String createdAt) {
        rows.measure(partyKind, measure, at(createdAt));
    }

    private void referral(String caseNumber, long decisionId, String country, String createdAt) {
        rows.referral(caseNumber, decisionId, country, at(createdAt));
    }
}
