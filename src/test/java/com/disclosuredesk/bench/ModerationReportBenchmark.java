package com.disclosuredesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.disclosuredesk.transparency.ModerationFigures;
import com.disclosuredesk.transparency.ModerationFiguresService;
import com.disclosuredesk.transparency.ModerationRollup;
import com.disclosuredesk.transparency.ReportPeriod;
import com.disclosuredesk.transparency.TransparencyLedger;
import com.disclosuredesk.transparency.TransparencyReport;
import com.disclosuredesk.transparency.TransparencyReportService;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Benchmark of the transparency report with its moderation part (issue 17; run by bench/moderation-report.sh, never by
 * the test suite). Fills an H2 file database under target/bench/moderation/ (reused when present) with set-based SQL
 * ({@code INSERT ... SELECT} over {@code SYSTEM_RANGE}, {@code generate_series} on PostgreSQL) over three years,
 * 2024-01-01 to 2026-12-31 UTC:
 * <ul>
 * <li>N cases (default 1,000,000), each with one review decision (55% REMOVE, 20% RESTRICT, 25% NO_ACTION; 40% of
 * the actions under the law, the rest under the Terms of Service) taken up to two days after its first notice;</li>
 * <li>1.3 notices per case (every tenth case from a trusted flagger, three in ten cases with a second notice);</li>
 * <li>complaints against 5% of the decisions, a fifth of them reversed (each with its REVERSAL decision);</li>
 * <li>referrals for 1% of the decisions, 2,000 Art. 23 suspensions in the three classes;</li>
 * <li>N legal-order ledger entries with their monthly totals (the hashes are placeholders: the chain is not
 * verified here; bench/ledger-verify.sh measures that).</li>
 * </ul>
 * Then it rolls up the moderation figures ({@link ModerationRollup}, "now" being noon on 2026-12-31: every earlier day
 * is over; the rollup's time and rows printed apart, a one-off background cost), compares the rollups with the rows
 * for one month, and times the live report (GET /api/transparency/report: both parts) for a month, a quarter, a year
 * and the three years, each {@code runs} times after warm-up, and prints p50 and p95 per period, the moderation part
 * alone, and PASS when every p50 is under 500 ms.
 *
 * <p>Arguments: {@code [decisions] [runs]}.
 */
public final class ModerationReportBenchmark {

    private static final long LIMIT_MS = 500;
    /** The benchmark's "now": noon on the last day of the data (every other day is over and rolled up). */
    private static final String NOW = "2026-12-31T12:00:00Z";
    /** Seconds from 2024-01-01 to 2027-01-01 (1,096 days). */
    private static final long SPAN_SECONDS = 1096L * 86_400;

    private ModerationReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Path dir = Path.of("target", "bench", "moderation");
        Files.createDirectories(dir);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("moderation-" + decisions)
                + ";LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE");
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaximumPoolSize(4);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("dd_schema_history").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);

        long present = jdbc.sql("SELECT COUNT(*) FROM cr_case").query(Long.class).single();
        if (present == 0) {
            fill(ds, jdbc, decisions);
        } else if (present != decisions) {
            throw new IllegalStateException("the database under " + dir + " holds " + present + " cases; delete it");
        } else {
            System.out.printf(Locale.ROOT, "reusing %,d cases in %s%n", decisions, dir);
        }
        // The rollup of the days that are over: a one-off background cost (then ten minutes' worth at a time). "Now"
        // is noon on the last day of the data, 2026-12-31: every earlier day is rolled up, that day is read live.
        ModerationFiguresService moderation = new ModerationFiguresService(jdbc);
        Clock now = Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC);
        ModerationRollup rollup = new ModerationRollup(ds, new DataSourceTransactionManager(ds), moderation, now,
                ModerationRollup.Settings.defaults());
        long r0 = System.nanoTime();
        ModerationRollup.Result rolled = rollup.rollUp();
        System.out.printf(Locale.ROOT, "rollup (now = %s): %,d days, %,d day rows, %,d month rows in %.1f s;"
                        + " rolled up until %s%n", NOW, rolled.days(), rolled.dayRows(), rolled.monthRows(),
                (System.nanoTime() - r0) / 1e9, rolled.rolledUpUntil());
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("ANALYZE");
        }
        for (String table : List.of("cr_case", "cr_notice", "cr_decision", "cr_complaint", "cr_referral",
                "cr_misuse_measure", "dd_ledger_entry", "cr_report_day", "cr_report_month")) {
            System.out.printf(Locale.ROOT, "  %-18s %,12d rows%n", table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }

        TransparencyLedger ledger = new TransparencyLedger(jdbc, Clock.systemUTC());
        TransparencyReportService service = new TransparencyReportService(jdbc, ledger, now, moderation);
        // the rollups against the rows for one month: every count the same, the medians within 1%
        ReportPeriod november = ReportPeriod.month(2026, 11);
        ModerationFigures fromRollups = moderation.compute(november);
        ModerationFigures fromRows = moderation.computeExact(november);
        boolean same = fromRollups.notices().equals(fromRows.notices())
                && fromRollups.complaints().received() == fromRows.complaints().received()
                && fromRollups.complaints().decided() == fromRows.complaints().decided()
                && fromRollups.actions().byType().equals(fromRows.actions().byType())
                && fromRollups.actions().byCategory().equals(fromRows.actions().byCategory())
                && fromRollups.actions().noticesActioned() == fromRows.actions().noticesActioned()
                && fromRollups.suspensions().equals(fromRows.suspensions())
                && fromRollups.referrals().equals(fromRows.referrals())
                && fromRollups.blockedPerDay().equals(fromRows.blockedPerDay());
        System.out.printf(Locale.ROOT, "%s: counts from the rollups %s the rows'; median to decision %d s (rows: %d s),"
                        + " to decide complaints %d s (rows: %d s)%n", november.id(), same ? "equal" : "DIFFER FROM",
                fromRollups.actions().medianTimeToDecisionSeconds(), fromRows.actions().medianTimeToDecisionSeconds(),
                fromRollups.complaints().medianTimeToDecisionSeconds(), fromRows.complaints().medianTimeToDecisionSeconds());
        System.out.printf(Locale.ROOT, "JVM: %s, max heap %d MB, %d processors; %d runs per period after 3 warm-ups%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), runs);
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %8s %8s %8s %8s%n", "period", "decisions", "requests",
                "p50 ms", "p95 ms", "mod p50", "mod p95");
        boolean pass = true;
        for (ReportPeriod period : List.of(ReportPeriod.month(2026, 11), ReportPeriod.quarter(2026, 4),
                ReportPeriod.parse("2025-01-01", "2025-12-31"), ReportPeriod.parse("2024-01-01", "2026-12-31"))) {
            long[] whole = time(runs, () -> service.compute(period));
            long[] part = time(runs, () -> moderation.compute(period));
            TransparencyReport report = service.compute(period);
            ModerationFigures m = report.moderation();
            pass &= p(whole, 50) < LIMIT_MS;
            System.out.printf(Locale.ROOT, "%-26s %,10d %,10d %8d %8d %8d %8d%n", period.id(), m.actions().decisions(),
                    report.totals().requests(), p(whole, 50), p(whole, 95), p(part, 50), p(part, 95));
        }
        System.out.printf(Locale.ROOT, "%s: the report of every period (legal orders and moderation) in under %d ms at p50%n",
                pass ? "PASS" : "FAIL", LIMIT_MS);
        ds.close();
        if (!pass) {
            System.exit(1);
        }
    }

    private static void fill(DataSource ds, JdbcClient jdbc, int n) throws Exception {
        boolean postgres;
        try (Connection c = ds.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        Sql sql = new Sql(postgres);
        long step = SPAN_SECONDS / n;
        String caseNumber = "'CR-B-' || CAST(x AS VARCHAR(12))";
        // case x starts at second (x - 1) * step; its decision comes up to two days later
        String created = sql.at("(x - 1) * " + step);
        String decided = sql.at("(x - 1) * " + step + " + MOD(x * 37, 172800)");
        String decision = "CASE WHEN MOD(x * 7, 100) < 55 THEN 'REMOVE' WHEN MOD(x * 7, 100) < 75 THEN 'RESTRICT' ELSE 'NO_ACTION' END";
        String category = "CASE MOD(x, 5) WHEN 0 THEN 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD' WHEN 1 THEN 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'"
                + " WHEN 2 THEN 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS' WHEN 3 THEN 'STATEMENT_CATEGORY_VIOLENCE'"
                + " ELSE 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS' END";
        byte[] sealed = {1};

        long t0 = System.nanoTime();
        run(jdbc, "cases", "INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, category,"
                + " country, status, notice_count, trusted_notice_count, created_at, decision_id, decided_at, version)"
                + " SELECT " + caseNumber + ", 'MESSAGE:' || CAST(x AS VARCHAR(12)), 'MESSAGE', 't.me/bench/' || CAST(x AS VARCHAR(12)), "
                + category + ", 'DE', 'DECIDED', 1, 0, " + created + ", x, " + decided + ", 0 FROM " + sql.range(n));
        run(jdbc, "notices", "INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type,"
                + " subject_key, category, country, anonymous, explanation_sealed, submission_sha256, received_at, disposition)"
                + " SELECT x, 'bench', 'n-' || CAST(x AS VARCHAR(12)), CASE WHEN MOD(x, 10) = 0 THEN 'SOURCE_TRUSTED_FLAGGER'"
                + " ELSE 'SOURCE_ARTICLE_16' END, " + caseNumber + ", 'MESSAGE', 'MESSAGE:' || CAST(x AS VARCHAR(12)), "
                + category + ", 'DE', FALSE, ?, 'x', " + created + ", 'STARTED' FROM " + sql.range(n), sealed);
        run(jdbc, "second notices", "INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type,"
                + " subject_key, category, country, anonymous, explanation_sealed, submission_sha256, received_at, disposition)"
                + " SELECT " + n + " + x, 'bench', 'm-' || CAST(x AS VARCHAR(12)), 'SOURCE_ARTICLE_16', " + caseNumber
                + ", 'MESSAGE', 'MESSAGE:' || CAST(x AS VARCHAR(12)), " + category + ", 'DE', FALSE, ?, 'x', "
                + sql.at("(x - 1) * " + step + " + MOD(x * 37, 172800) / 2") + ", 'JOINED' FROM " + sql.range(n)
                + " WHERE MOD(x, 10) < 3", sealed);
        run(jdbc, "decisions", "INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation,"
                + " threat_to_life, decided_by, decided_at, applied_at)"
                + " SELECT x, " + caseNumber + ", 'REVIEW', " + decision + ", CASE WHEN MOD(x * 7, 100) >= 75 THEN NULL"
                + " WHEN MOD(x * 11, 100) < 40 THEN 'ILLEGAL_CONTENT' ELSE 'INCOMPATIBLE_CONTENT' END, 'bench', FALSE,"
                + " 'bench', " + decided + ", " + decided + " FROM " + sql.range(n));
        // complaints against every twentieth decision, a week later; every fifth of them reversed after two days
        String complained = sql.at("(x - 1) * " + step + " + MOD(x * 37, 172800) + 604800");
        String answered = sql.at("(x - 1) * " + step + " + MOD(x * 37, 172800) + 604800 + 172800 + MOD(x * 13, 86400)");
        run(jdbc, "complaints", "INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed,"
                + " received_at, status, decided_at)"
                + " SELECT x, " + caseNumber + ", 'UPLOADER', x, 'bench', ?, " + complained + ", CASE WHEN MOD(x, 100) = 0"
                + " THEN 'REVERSED' ELSE 'UPHELD' END, " + answered + " FROM " + sql.range(n) + " WHERE MOD(x, 20) = 0", sealed);
        run(jdbc, "reversals", "INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life,"
                + " decided_by, decided_at, reverses_id)"
                + " SELECT " + n + " + x, " + caseNumber + ", 'REVERSAL', 'NO_ACTION', NULL, 'reversed', FALSE, 'bench', "
                + answered + ", x FROM " + sql.range(n) + " WHERE MOD(x, 100) = 0");
        run(jdbc, "referrals", "INSERT INTO cr_referral (id, case_number, decision_id, country, authority, created_at)"
                + " SELECT x, " + caseNumber + ", x, CASE MOD(x, 3) WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' ELSE 'NL' END,"
                + " 'police', " + decided + " FROM " + sql.range(n) + " WHERE MOD(x, 100) = 1");
        run(jdbc, "Art. 23 measures", "INSERT INTO cr_misuse_measure (id, party_kind, party_ref, measure, basis, created_at)"
                + " SELECT x, CASE MOD(x, 3) WHEN 0 THEN 'NOTIFIER' WHEN 1 THEN 'ACCOUNT' ELSE 'COMPLAINANT' END,"
                + " 'p-' || CAST(x AS VARCHAR(12)), CASE WHEN MOD(x, 2) = 0 THEN 'SUSPENSION' ELSE 'WARNING' END, 'bench', "
                + sql.at("(x - 1) * " + (SPAN_SECONDS / 4000)) + " FROM " + sql.range(4000));
        // the legal orders' ledger: N entries and their monthly totals, as appends would have written them
        run(jdbc, "ledger entries", "INSERT INTO dd_ledger_entry (seq, format_version, tracking_number, ended_at, period_from,"
                + " period_to, authority_country, order_type, legal_process_class, outcome, users_affected, targets_specified,"
                + " emergency, prev_hash, entry_hash)"
                + " SELECT x, 2, 'LO-B-' || CAST(x AS VARCHAR(12)), " + sql.at("(x - 1) * " + step + " + MOD(x * 53, " + step + ")")
                + ", " + sql.at("0") + ", " + sql.at("0") + ", CASE MOD(x, 4) WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' WHEN 2 THEN 'US'"
                + " ELSE 'BR' END, CASE WHEN MOD(x, 10) = 0 THEN 'EMERGENCY_REQUEST' ELSE 'COURT_ORDER' END,"
                + " CASE WHEN MOD(x, 10) = 0 THEN 'EMERGENCY' ELSE 'COURT_ORDER' END,"
                + " CASE WHEN MOD(x, 100) < 55 THEN 'FULFILLED' WHEN MOD(x, 100) < 80 THEN 'REJECTED' ELSE 'NO_DATA' END,"
                + " CASE WHEN MOD(x, 100) < 55 THEN 1 ELSE 0 END, 1, MOD(x, 10) = 0, 'placeholder', 'placeholder'"
                + " FROM " + sql.range(n));
        run(jdbc, "ledger months", """
                INSERT INTO dd_ledger_month (ended_month, authority_country, order_type, emergency, outcome, requests,
                    users_affected, targets_specified)
                SELECT ended_month, authority_country, order_type, emergency, outcome, COUNT(*), SUM(users_affected),
                       SUM(targets_specified)
                FROM (SELECT CAST(EXTRACT(YEAR FROM ended_at AT TIME ZONE 'UTC') * 100
                                  + EXTRACT(MONTH FROM ended_at AT TIME ZONE 'UTC') AS INTEGER) AS ended_month,
                             authority_country, order_type, emergency, outcome, users_affected, targets_specified
                      FROM dd_ledger_entry) e
                GROUP BY ended_month, authority_country, order_type, emergency, outcome""");
        jdbc.sql("UPDATE dd_ledger_head SET last_seq = ?, last_hash = 'placeholder' WHERE id = 1").param(n).update();
        System.out.printf(Locale.ROOT, "filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void run(JdbcClient jdbc, String what, String statement, Object... params) {
        long t0 = System.nanoTime();
        int rows = jdbc.sql(statement).params(params).update();
        System.out.printf(Locale.ROOT, "  %-18s %,12d rows in %6.1f s%n", what, rows, (System.nanoTime() - t0) / 1e9);
    }

    /** The SQL that differs between H2 and PostgreSQL. */
    private record Sql(boolean postgres) {
        /** The rows 1..n with the column x. */
        String range(long n) {
            return postgres ? "generate_series(1, " + n + ") AS r(x)" : "(SELECT X AS x FROM SYSTEM_RANGE(1, " + n + ")) r";
        }

        /** 2024-01-01T00:00:00Z plus the given number of seconds. */
        String at(String seconds) {
            return postgres ? "(TIMESTAMPTZ '2024-01-01 00:00:00+00' + (" + seconds + ") * INTERVAL '1 second')"
                    : "DATEADD(SECOND, " + seconds + ", TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00')";
        }
    }

    private static long[] time(int runs, Supplier<?> report) {
        for (int w = 0; w < 3; w++) {
            report.get();
        }
        long[] millis = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            report.get();
            millis[r] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** The q-th percentile (nearest rank) of sorted values. */
    private static long p(long[] sorted, int q) {
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
