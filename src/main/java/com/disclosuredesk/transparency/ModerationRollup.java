package com.disclosuredesk.transparency;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls up the moderation figures of the days that are over into {@code cr_report_day} (per UTC day, figure and
 * breakdown, with the histograms of the two waits) and, when a month is complete, {@code cr_report_month} (the sums
 * of its days), so that {@link ModerationFiguresService#compute} reads a few thousand rows for any period instead of
 * a million decisions (issue 17: every report under 500 ms at p50; docs/performance.md).
 *
 * <p>Why this is right: every figure belongs to the UTC day of one event, and events are stamped with the time they
 * are written, so a day's figures never change once it is over. A day is rolled up only when it ended at least
 * {@code grace} ago (default one hour): a transaction stamped 23:59:59 that commits after midnight is still counted.
 * The day rows come from the same grouped queries as the live days of a report
 * ({@link ModerationFiguresService#dayFigures}).
 *
 * <p>Safe on several nodes and idempotent: each step takes the control row {@code cr_report_rollup} FOR UPDATE in
 * its transaction and rolls up at most {@code days-per-transaction} days from {@code rolled_up_until}; a second
 * node waits and then finds nothing left to do. A first run over years of history commits in steps and logs each.
 * Run by {@link ModerationRollupSchedule}; tests and the benchmark call {@link #rollUp()} directly.
 */
@Service
@EnableConfigurationProperties(ModerationRollup.Settings.class)
public class ModerationRollup {

    private static final Logger log = LoggerFactory.getLogger(ModerationRollup.class);

    /**
     * {@code disclosure-desk.transparency.rollup.*} (defaults in application.yaml).
     *
     * @param enabled            whether the schedule runs the rollup (the report reads the rows for days not rolled
     *                           up, so turning it off only makes reports slower)
     * @param grace              how long after midnight UTC a day is rolled up (a transaction stamped before midnight
     *                           may commit a little after)
     * @param daysPerTransaction days rolled up in one transaction at most
     * @param interval           the pause between two runs of the schedule
     * @param initialDelay       the first run after start
     */
    @ConfigurationProperties("disclosure-desk.transparency.rollup")
    public record Settings(boolean enabled, Duration grace, Integer daysPerTransaction, Duration interval,
                           Duration initialDelay) {
        public Settings {
            Objects.requireNonNull(grace, "disclosure-desk.transparency.rollup.grace is not set");
            Objects.requireNonNull(daysPerTransaction, "disclosure-desk.transparency.rollup.days-per-transaction is not set");
            Objects.requireNonNull(interval, "disclosure-desk.transparency.rollup.interval is not set");
            Objects.requireNonNull(initialDelay, "disclosure-desk.transparency.rollup.initial-delay is not set");
            if (grace.isNegative() || daysPerTransaction < 1) {
                throw new IllegalArgumentException(
                        "disclosure-desk.transparency.rollup: grace must not be negative, days-per-transaction at least 1");
            }
        }

        /**
         * The defaults of application.yaml, for code without Spring (tests, the benchmark); ConfigurationPropertiesTest
         * checks that they are the same.
         */
        public static Settings defaults() {
            return new Settings(true, Duration.ofHours(1), 31, Duration.ofMinutes(10), Duration.ofMinutes(1));
        }
    }

    /** What a run did: the days rolled up, the day and month rows written, the first day not rolled up after it. */
    public record Result(int days, long dayRows, long monthRows, LocalDate rolledUpUntil) {}

    private record Key(LocalDate day, String figure, String breakdown) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final ModerationFiguresService figures;
    private final Clock clock;
    private final Settings settings;

    public ModerationRollup(DataSource dataSource, PlatformTransactionManager transactions,
                            ModerationFiguresService figures, Clock clock, Settings settings) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.figures = figures;
        this.clock = clock;
        this.settings = settings;
    }

    /** The first day that is not over yet by the grace: days before it may be rolled up. */
    LocalDate horizon() {
        return LocalDate.ofInstant(clock.instant().minus(settings.grace()), ZoneOffset.UTC);
    }

    /** Rolls up every day that is over (by the grace) and not rolled up yet, in steps of one transaction each. */
    public Result rollUp() {
        LocalDate target = horizon();
        int days = 0;
        long dayRows = 0;
        long monthRows = 0;
        LocalDate until;
        while (true) {
            Result step = tx.execute(status -> step(target));
            days += step.days();
            dayRows += step.dayRows();
            monthRows += step.monthRows();
            until = step.rolledUpUntil();
            if (step.days() == 0 || !until.isBefore(target)) {
                break;
            }
        }
        return new Result(days, dayRows, monthRows, until);
    }

    /** One transaction: at most days-per-transaction days from where the rollup stands, up to target (exclusive). */
    private Result step(LocalDate target) {
        LocalDate stored = jdbc.sql("SELECT rolled_up_until FROM cr_report_rollup WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
        LocalDate from = stored != null ? stored : firstEventDay(target);
        if (!from.isBefore(target)) {
            if (stored == null) {
                mark(from);
            }
            return new Result(0, 0, 0, from);
        }
        LocalDate to = from.plusDays(settings.daysPerTransaction());
        if (to.isAfter(target)) {
            to = target;
        }
        Map<Key, Long> rows = new HashMap<>();
        figures.dayFigures(from, to, (day, figure, breakdown, value) ->
                rows.merge(new Key(day, figure, breakdown), value, Long::sum));
        // idempotent even if rows were left for these days by hand: the control row says they are not rolled up
        jdbc.sql("DELETE FROM cr_report_day WHERE report_day >= ? AND report_day < ?").params(from, to).update();
        List<Object[]> args = new ArrayList<>(rows.size());
        rows.forEach((key, value) -> args.add(new Object[] {key.day(), key.figure(), key.breakdown(), value}));
        batch.batchUpdate("INSERT INTO cr_report_day (report_day, figure, breakdown, amount) VALUES (?, ?, ?, ?)", args);
        long monthRows = 0;
        // every month that ends in (from, to]: complete now, its rows are the sums of its days
        for (LocalDate month = from.withDayOfMonth(1); !month.plusMonths(1).isAfter(to); month = month.plusMonths(1)) {
            if (!month.plusMonths(1).isAfter(from)) {
                continue;
            }
            int yyyymm = ModerationFiguresService.yyyymm(month);
            jdbc.sql("DELETE FROM cr_report_month WHERE report_month = ?").param(yyyymm).update();
            monthRows += jdbc.sql("""
                    INSERT INTO cr_report_month (report_month, figure, breakdown, amount)
                    SELECT ?, figure, breakdown, SUM(amount) FROM cr_report_day WHERE report_day >= ? AND report_day < ?
                    GROUP BY figure, breakdown
                    """).params(yyyymm, month, month.plusMonths(1)).update();
        }
        mark(to);
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        log.info("Moderation report rollup: {} day(s) {} to {} rolled up ({} day rows, {} month rows); {} day(s) to go",
                days, from, to.minusDays(1), rows.size(), monthRows, target.toEpochDay() - to.toEpochDay());
        return new Result(days, rows.size(), monthRows, to);
    }

    private void mark(LocalDate until) {
        jdbc.sql("UPDATE cr_report_rollup SET rolled_up_until = ?, updated_at = ? WHERE id = 1")
                .params(until, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * The first run starts at the day of the earliest event (the minimum of each time column, read from its index);
     * without any event, at target: there is nothing before it.
     */
    private LocalDate firstEventDay(LocalDate target) {
        LocalDate first = target;
        for (String sql : List.of("SELECT MIN(received_at) FROM cr_notice", "SELECT MIN(decided_at) FROM cr_decision",
                "SELECT MIN(received_at) FROM cr_complaint", "SELECT MIN(decided_at) FROM cr_complaint",
                "SELECT MIN(created_at) FROM cr_misuse_measure", "SELECT MIN(created_at) FROM cr_referral")) {
            java.time.OffsetDateTime at = jdbc.sql(sql).query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class))
                    .optional().orElse(null);
            if (at != null) {
                LocalDate day = LocalDate.ofInstant(at.toInstant(), ZoneOffset.UTC);
                if (day.isBefore(first)) {
                    first = day;
                }
            }
        }
        return first;
    }
}
