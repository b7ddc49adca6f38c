package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.ModerationRows;
import com.disclosuredesk.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The rollups of the moderation figures: after {@link ModerationRollup#rollUp()}, the report of many periods (a day,
 * partial months at both ends, a whole month, quarters, ranges with live days) has exactly the counts of the exact
 * computation from the rows and medians within 1%; a second run changes nothing; days within the grace are not
 * rolled up; a day rolled up is read from the rollup, not from the rows again. Rows: those of
 * {@link ModerationFiguresServiceTest} plus several hundred pseudo-random cases from June 2026 to January 2027, their
 * times written with offsets of -05:00, +00:00 and +05:00.
 */
class ModerationRollupTest {

    private static final String[] CATEGORIES = {ModerationFiguresServiceTest.SPEECH, ModerationFiguresServiceTest.SCAMS,
            ModerationFiguresServiceTest.MINORS};
    private static final String[] TYPES = {"REMOVE", "RESTRICT", "NO_ACTION"};
    private static final String[] KINDS = {"NOTIFIER", "ACCOUNT", "COMPLAINANT"};

    private DataSource ds;
    private JdbcClient jdbc;
    private ModerationFiguresService figures;
    private MutableClock clock;
    private ModerationRollup rollup;
    private ModerationRows rows;

    @BeforeEach
    void rows() {
        ds = MigratedDatabase.newDatabase();
        jdbc = JdbcClient.create(ds);
        figures = new ModerationFiguresService(jdbc);
        // ids after those of the seed
        rows = new ModerationRows(jdbc, 1_000_001, "gw");
        ModerationFiguresServiceTest.seed(jdbc);
        manyCases(new Random(17), 700);
        // 00:30 on 6 December: 5 December ended only 30 minutes ago, within the grace of an hour
        clock = new MutableClock(Instant.parse("2026-12-06T00:30:00Z"));
        // seven days per transaction: the first run takes many steps
        ModerationRollup.Settings settings = new ModerationRollup.Settings(true, Duration.ofHours(1), 7,
                Duration.ofMinutes(10), Duration.ofMinutes(1));
        rollup = new ModerationRollup(ds, new DataSourceTransactionManager(ds), figures, clock, settings);
    }

    @Test
    void reportsFromTheRollupsEqualTheRows() {
        ModerationRollup.Result result = rollup.rollUp();

        assertThat(result.rolledUpUntil()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(figures.rolledUpUntil()).isEqualTo(LocalDate.of(2026, 12, 5));
        // from the first event (a complaint received on 1 June 2026 or later) to 5 December, in steps of 7 days
        assertThat(result.days()).isGreaterThan(150);
        assertThat(result.dayRows()).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT report_month) FROM cr_report_month")).as("June to November").isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM cr_report_month WHERE report_month = 202612")).isZero();
        assertThat(count("SELECT COUNT(*) FROM cr_report_day WHERE figure LIKE 'hist.%'")).isPositive();

        for (ReportPeriod period : List.of(
                ReportPeriod.parse("2026-11-12", "2026-11-12"),   // one day with a reversal
                ReportPeriod.parse("2026-10-01", "2026-10-01"),   // the first day of the quarter
                ReportPeriod.parse("2026-07-15", "2026-09-10"),   // partial months at both ends, one whole month
                ReportPeriod.parse("2026-10-15", "2026-12-02"),   // ... ending in the month not yet complete
                ReportPeriod.month(2026, 11),
                ReportPeriod.quarter(2026, 3),
                ReportPeriod.quarter(2026, 4),                    // with live days from 5 December
                ReportPeriod.parse("2026-11-20", "2026-12-06"),   // ending today
                ReportPeriod.parse("2026-12-05", "2027-01-31"),   // live only
                ReportPeriod.parse("2026-06-01", "2027-01-31"),   // everything
                ReportPeriod.parse("2025-01-01", "2025-03-31"))) { // nothing
            sameAsTheRows(period);
        }
    }

    @Test
    void aSecondRunChangesNothingAndTheGraceIsKept() {
        rollup.rollUp();
        List<Map<String, Object>> days = jdbc.sql("SELECT * FROM cr_report_day ORDER BY report_day, figure, breakdown")
                .query().listOfRows();
        List<Map<String, Object>> months = jdbc.sql("SELECT * FROM cr_report_month ORDER BY report_month, figure, breakdown")
                .query().listOfRows();

        ModerationRollup.Result again = rollup.rollUp();

        assertThat(again.days()).isZero();
        assertThat(again.dayRows()).isZero();
        assertThat(jdbc.sql("SELECT * FROM cr_report_day ORDER BY report_day, figure, breakdown").query().listOfRows())
                .isEqualTo(days);
        assertThat(jdbc.sql("SELECT * FROM cr_report_month ORDER BY report_month, figure, breakdown").query().listOfRows())
                .isEqualTo(months);
        // 5 December has events but ended within the grace: not rolled up
        assertThat(count("SELECT COUNT(*) FROM cr_decision WHERE decided_at >= TIMESTAMP WITH TIME ZONE '2026-12-05 00:00:00+00'"
                + " AND decided_at < TIMESTAMP WITH TIME ZONE '2026-12-06 00:00:00+00'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM cr_report_day WHERE report_day >= DATE '2026-12-05'")).isZero();

        clock.set(Instant.parse("2026-12-06T01:00:01Z"));
        ModerationRollup.Result next = rollup.rollUp();

        assertThat(next.days()).isEqualTo(1);
        assertThat(next.rolledUpUntil()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(count("SELECT COUNT(*) FROM cr_report_day WHERE report_day = DATE '2026-12-05'")).isPositive();
        sameAsTheRows(ReportPeriod.quarter(2026, 4));
    }

    @Test
    void aDayRolledUpIsNotReadFromTheRowsAgain() {
        rollup.rollUp();
        ReportPeriod day = ReportPeriod.parse("2026-11-12", "2026-11-12");
        ReportPeriod live = ReportPeriod.parse("2026-12-05", "2026-12-05");
        long before = figures.compute(day).actions().decisions();
        long liveBefore = figures.compute(live).actions().decisions();

        // rows that could not exist (events are stamped when written), to see where each figure is read from
        kase("CR-LATE-1", CATEGORIES[0]);
        decision("CR-LATE-1", "REMOVE", "ILLEGAL_CONTENT", "2026-11-12T12:00:00Z");
        kase("CR-LATE-2", CATEGORIES[0]);
        decision("CR-LATE-2", "REMOVE", "ILLEGAL_CONTENT", "2026-12-05T12:00:00Z");

        assertThat(figures.compute(day).actions().decisions()).as("from the rollup").isEqualTo(before);
        assertThat(figures.computeExact(day).actions().decisions()).as("the rows").isEqualTo(before + 1);
        assertThat(figures.compute(live).actions().decisions()).as("a live day").isEqualTo(liveBefore + 1);
    }

    @Test
    void anEmptyDatabaseStartsAtTheHorizon() {
        DataSource empty = MigratedDatabase.newDatabase();
        ModerationFiguresService none = new ModerationFiguresService(JdbcClient.create(empty));
        ModerationRollup first = new ModerationRollup(empty, new DataSourceTransactionManager(empty), none, clock,
                ModerationRollup.Settings.defaults());

        ModerationRollup.Result result = first.rollUp();

        assertThat(result.days()).isZero();
        assertThat(none.rolledUpUntil()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(none.compute(ReportPeriod.quarter(2026, 4)).actions().decisions()).isZero();
    }

    @Test
    void theMedianOfAHistogramIsTheMiddleBucketsGeometricMiddle() {
        assertThat(ModerationFiguresService.median(Map.of())).isNull();
        assertThat(ModerationFiguresService.median(Map.of("-1", 3L))).isZero();
        long b = (long) Math.floor(Math.log(3600) / Math.log(1.02));
        assertThat(ModerationFiguresService.median(Map.of(Long.toString(b), 1L)))
                .isEqualTo(Math.round(Math.pow(1.02, b + 0.5))).isCloseTo(3600L, org.assertj.core.api.Assertions.withinPercentage(1));
        // an even count: the mean of the two middle values, as PERCENTILE_CONT
        assertThat(ModerationFiguresService.median(Map.of("-1", 1L, "0", 1L))).isEqualTo(Math.round(Math.pow(1.02, 0.5) / 2));
        assertThat(ModerationFiguresService.median(Map.of("-1", 1L, "100", 2L)))
                .isEqualTo(Math.round(Math.pow(1.02, 100.5)));
    }

    private void sameAsTheRows(ReportPeriod period) {
        ModerationFigures rolled = figures.compute(period);
        ModerationFigures exact = figures.computeExact(period);
        assertThat(rolled).as(period.id()).usingRecursiveComparison()
                .ignoringFields("actions.medianTimeToDecisionSeconds", "complaints.medianTimeToDecisionSeconds")
                .isEqualTo(exact);
        closeTo(period.id() + " decision median", rolled.actions().medianTimeToDecisionSeconds(),
                exact.actions().medianTimeToDecisionSeconds());
        closeTo(period.id() + " complaint median", rolled.complaints().medianTimeToDecisionSeconds(),
                exact.complaints().medianTimeToDecisionSeconds());
    }

    /** Within 1%, and within a second (the histogram counts whole seconds). */
    private static void closeTo(String what, Long actual, Long exact) {
        if (exact == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat((double) Math.abs(actual - exact)).as(what + ": " + actual + " vs " + exact)
                .isLessThanOrEqualTo(Math.max(1.0, exact * 0.01));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * Cases from 1 June 2026 to 10 January 2027, each with one or two notices, a review decision from seconds to
     * weeks later, some complaints (a fifth reversed, with the reversal), referrals and Art. 23 measures; several
     * on 5 December (within the grace in the tests).
     */
    private void manyCases(Random random, int n) {
        long start = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();
        long span = Instant.parse("2027-01-10T00:00:00Z").getEpochSecond() - start;
        for (int i = 0; i < n; i++) {
            long received = i % 50 == 0 ? Instant.parse("2026-12-05T00:00:00Z").getEpochSecond() + random.nextInt(86_000)
                    : start + (long) (random.nextDouble() * span);
            String caseNumber = "CR-R-" + i;
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            kase(caseNumber, category);
            notice(caseNumber, random.nextInt(10) == 0 ? "SOURCE_TRUSTED_FLAGGER" : "SOURCE_ARTICLE_16", category, received);
            long wait = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(120);
                case 1 -> random.nextInt(7_200);
                case 2 -> random.nextInt(172_800);
                default -> random.nextInt(2_000_000);
            };
            long decided = received + wait;
            if (random.nextInt(3) == 0) {
                notice(caseNumber, "SOURCE_ARTICLE_16", category, received + wait / 2);
            }
            String type = TYPES[random.nextInt(TYPES.length)];
            String ground = "NO_ACTION".equals(type) ? null : random.nextBoolean() ? "ILLEGAL_CONTENT" : "INCOMPATIBLE_CONTENT";
            long decision = decision(caseNumber, type, ground, iso(decided));
            if (random.nextInt(5) == 0) {
                long complained = decided + random.nextInt(1_000_000);
                long answered = complained + 3_600 + random.nextInt(3_000_000);
                boolean reversed = !"NO_ACTION".equals(type) && random.nextInt(5) == 0;
                String status = random.nextInt(10) == 0 ? "PENDING" : reversed ? "REVERSED" : "UPHELD";
                complaint(caseNumber, decision, complained, status, "PENDING".equals(status) ? null : answered);
                if ("REVERSED".equals(status)) {
                    reversal(caseNumber, decision, answered);
                }
            }
            if (random.nextInt(20) == 0) {
                referral(caseNumber, decision, random.nextInt(4) == 0 ? null : random.nextBoolean() ? "DE" : "FR", decided);
            }
            if (random.nextInt(15) == 0) {
                measure(KINDS[random.nextInt(KINDS.length)], random.nextBoolean() ? "SUSPENSION" : "WARNING", decided + 60);
            }
        }
    }

    private static String iso(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    /** The instant with an offset of -05:00, +00:00 or +05:00 (the days and waits are UTC whatever the offset). */
    private static OffsetDateTime at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofHours((int) (epochSecond % 3) * 5 - 5));
    }

    private void kase(String caseNumber, String category) {
        rows.kase(caseNumber, category, at("2026-01-01T00:00:00Z"));
    }

    private void notice(String caseNumber, String source, String category, long receivedAt) {
        rows.notice(caseNumber, source, category, at(receivedAt));
    }

    private long decision(String caseNumber, String decision, String ground, String decidedAt) {
        return rows.decision(caseNumber, "REVIEW", decision, ground, at(decidedAt), null);
    }

    private void reversal(String caseNumber, long reverses, long decidedAt) {
        rows.decision(caseNumber, "REVERSAL", "NO_ACTION", null, at(decidedAt), reverses);
    }

    private void complaint(String caseNumber, long decisionId, long receivedAt, String status, Long decidedAt) {
        rows.complaint(caseNumber, decisionId, at(receivedAt), status, decidedAt == null ? null : at(decidedAt));
    }

    private void measure(String partyKind, String measure, long createdAt) {
        rows.measure(partyKind, measure, at(createdAt));
    }

    private void referral(String caseNumber, long decisionId, String country, long createdAt) {
        rows.referral(caseNumber, decisionId, country, at(createdAt));
    }
}
