package com.disclosuredesk.transparency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the {@link ModerationFigures} of a period from the content-report tables.
 *
 * <p>{@link #compute} (the live report, GET /api/transparency/report) reads what {@link ModerationRollup} has summed
 * for the days that are over: whole months from {@code cr_report_month}, the other rolled-up days from
 * {@code cr_report_day}, and only the days at or after {@code cr_report_rollup.rolled_up_until} (normally today)
 * from the rows, with the same day-grouped queries the rollup uses ({@link #dayFigures}). Counts are exactly those of
 * the rows; the two medians come from logarithmic histograms of the waits (buckets of 2%: within 1% of the exact
 * median, {@link #HISTOGRAM_BASE}). docs/transparency.md, "How the moderation figures are computed".
 *
 * <p>{@link #computeExact} is the direct computation from the rows (eight aggregate queries over the indexes of V17,
 * exact medians with {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ...)}, durations as differences of
 * {@code EXTRACT(EPOCH FROM ...)}): used when a report is frozen (once per period, in a background job) and by the
 * tests as the reference. It takes seconds over a year of a million decisions (docs/performance.md).
 *
 * <p>What counts in the period (whole UTC days, end exclusive): a notice when received, a decision when taken, a
 * complaint when received (received) or when decided (decided, upheld, reversed, median), a suspension when
 * decided, a referral when made.
 */
@Service
public class ModerationFiguresService {

    static final List<String> SOURCES = List.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER");
    static final List<String> TYPES = List.of("REMOVE", "RESTRICT", "NO_ACTION");
    static final List<String> GROUNDS = List.of("ILLEGAL_CONTENT", "INCOMPATIBLE_CONTENT");
    static final String TRUSTED_FLAGGER = "SOURCE_TRUSTED_FLAGGER";
    /** The key of referrals without a country. */
    static final String NO_COUNTRY = "--";

    static final String NOTICES = """
            SELECT category, source_type, COUNT(*) AS n
            FROM cr_notice WHERE received_at >= ? AND received_at < ?
            GROUP BY category, source_type
            """;

    /** Review decisions by type, ground and category, and reversals (category NULL: not needed). */
    static final String DECISIONS = """
            SELECT d.kind, d.decision, d.ground, c.category, COUNT(*) AS n
            FROM cr_decision d JOIN cr_case c ON c.case_number = d.case_number
            WHERE d.decided_at >= ? AND d.decided_at < ?
            GROUP BY d.kind, d.decision, d.ground, c.category
            """;

    /** Notices answered by the review decisions of the period: how many, and the median wait in seconds. */
    static final String TIME_TO_DECISION = """
            SELECT COUNT(*) AS n,
                   PERCENTILE_CONT(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM d.decided_at) - EXTRACT(EPOCH FROM n.received_at)) AS median
            FROM cr_decision d JOIN cr_notice n ON n.case_number = d.case_number
            WHERE d.decided_at >= ? AND d.decided_at < ? AND d.kind = 'REVIEW' AND n.received_at <= d.decided_at
            """;

    static final String COMPLAINTS_RECEIVED = """
            SELECT COUNT(*) AS n FROM cr_complaint WHERE received_at >= ? AND received_at < ?
            """;

    static final String COMPLAINTS_DECIDED = """
            SELECT COUNT(*) AS n,
                   SUM(CASE WHEN status = 'UPHELD' THEN 1 ELSE 0 END) AS upheld,
                   SUM(CASE WHEN status = 'REVERSED' THEN 1 ELSE 0 END) AS reversed,
                   PERCENTILE_CONT(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM decided_at) - EXTRACT(EPOCH FROM received_at)) AS median
            FROM cr_complaint
            WHERE decided_at >= ? AND decided_at < ? AND status IN ('UPHELD', 'REVERSED')
            """;

    static final String SUSPENSIONS = """
            SELECT party_kind, COUNT(*) AS n FROM cr_misuse_measure
            WHERE measure = 'SUSPENSION' AND created_at >= ? AND created_at < ?
            GROUP BY party_kind
            """;

    static final String REFERRALS = """
            SELECT country, COUNT(*) AS n FROM cr_referral WHERE created_at >= ? AND created_at < ?
            GROUP BY country
            """;

    /**
     * Per day (UTC, as days since 1970-01-01: the epoch seconds divided by 86,400, the same on H2 and PostgreSQL):
     * decisions that blocked (REMOVE, RESTRICT, of any kind), and reversals, each of which lifts a block
     * ({@code moderation.DecisionOutcomes} writes a REVERSAL only when it undoes a REMOVE or RESTRICT). One pass over
     * the index on the decision time, grouped by an expression without parameters (H2 re-reads a derived table per
     * group, and does not match two parameterised expressions).
     */
    static final String PER_DAY = """
            SELECT FLOOR(EXTRACT(EPOCH FROM decided_at) / 86400) AS epoch_day,
                   SUM(CASE WHEN decision IN ('REMOVE', 'RESTRICT') THEN 1 ELSE 0 END) AS blocked,
                   SUM(CASE WHEN kind = 'REVERSAL' THEN 1 ELSE 0 END) AS lifted
            FROM cr_decision
            WHERE decided_at >= ? AND decided_at < ?
            GROUP BY FLOOR(EXTRACT(EPOCH FROM decided_at) / 86400)
            """;

    /** Figures of the rollup tables (column {@code figure}); the breakdown of each in its comment. */
    static final String F_NOTICES = "notices";                 // category|source_type
    static final String F_DECISIONS = "decisions";             // review decisions: decision|ground|category
    static final String F_REVERSALS = "reversals";             // ''
    static final String F_DECISION_WAIT = "hist.decision_wait"; // bucket of (decision - notice received)
    static final String F_COMPLAINTS_RECEIVED = "complaints_received"; // ''
    static final String F_COMPLAINTS_DECIDED = "complaints_decided";   // status: UPHELD, REVERSED
    static final String F_COMPLAINT_WAIT = "hist.complaint_wait";      // bucket of (decided - received)
    static final String F_SUSPENSIONS = "suspensions";         // party_kind
    static final String F_REFERRALS = "referrals";             // country, "--" without
    static final String F_BLOCKED = "blocked";                 // '' (the chart)
    static final String F_LIFTED = "lifted";                   // '' (the chart)
    /** The separator of the parts of a breakdown. */
    static final String SEP = "|";

    /**
     * The ratio of two successive histogram buckets: a wait of s whole seconds (s &ge; 1) falls in bucket
     * {@code floor(ln(s) / ln(1.02))}, waits under a second in bucket -1. A bucket is reported as its geometric middle
     * {@code 1.02^(b + 0.5)}, at most a factor {@code sqrt(1.02)} (0.995%) from any wait in it.
     */
    static final double HISTOGRAM_BASE = 1.02;
    static final long ZERO_BUCKET = -1;

    /** The UTC day of a time column as days since 1970-01-01 (H2 and PostgreSQL alike, as {@link #PER_DAY}). */
    private static String day(String column) {
        return "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / 86400) AS BIGINT)";
    }

    /** The histogram bucket of the wait from {@code from} to {@code to}, in whole seconds, computed in the database. */
    private String bucket(String from, String to) {
        // H2: DATEDIFF is a BIGINT per row (EXTRACT(EPOCH ...) is a DECIMAL there, slow); PostgreSQL has no DATEDIFF.
        // H2's DATEDIFF compares the local times of values with different offsets: both taken to UTC first.
        String wait = postgres() ? "FLOOR(EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + "))"
                : "DATEDIFF(SECOND, " + from + " AT TIME ZONE 'UTC', " + to + " AT TIME ZONE 'UTC')";
        return "CASE WHEN " + wait + " < 1 THEN " + ZERO_BUCKET + " ELSE CAST(FLOOR(LN(" + wait + ") / LN("
                + HISTOGRAM_BASE + ")) AS BIGINT) END";
    }

    /**
     * The day-grouped queries of {@link #dayFigures}: the same filters and groups as the exact queries above, grouped
     * additionally by the UTC day of the event (the grouping expressions repeated: no parameters in them).
     */
    private String[] dayQueries() {
        String[] q = dayQueries;
        if (q != null) {
            return q;
        }
        String noticeDay = day("received_at");
        String decisionDay = day("d.decided_at");
        String complaintDay = day("decided_at");
        String decisionWait = bucket("n.received_at", "d.decided_at");
        String complaintWait = bucket("received_at", "decided_at");
        q = new String[] {
                "SELECT " + noticeDay + " AS epoch_day, category, source_type, COUNT(*) AS n FROM cr_notice"
                        + " WHERE received_at >= ? AND received_at < ? GROUP BY " + noticeDay + ", category, source_type",
                "SELECT " + decisionDay + " AS epoch_day, d.kind, d.decision, d.ground, c.category, COUNT(*) AS n"
                        + " FROM cr_decision d JOIN cr_case c ON c.case_number = d.case_number"
                        + " WHERE d.decided_at >= ? AND d.decided_at < ?"
                        + " GROUP BY " + decisionDay + ", d.kind, d.decision, d.ground, c.category",
                "SELECT " + decisionDay + " AS epoch_day, " + decisionWait + " AS bucket, COUNT(*) AS n"
                        + " FROM cr_decision d JOIN cr_notice n ON n.case_number = d.case_number"
                        + " WHERE d.decided_at >= ? AND d.decided_at < ? AND d.kind = 'REVIEW' AND n.received_at <= d.decided_at"
                        + " GROUP BY " + decisionDay + ", " + decisionWait,
                "SELECT " + noticeDay + " AS epoch_day, COUNT(*) AS n FROM cr_complaint"
                        + " WHERE received_at >= ? AND received_at < ? GROUP BY " + noticeDay,
                "SELECT " + complaintDay + " AS epoch_day, status, " + complaintWait + " AS bucket, COUNT(*) AS n"
                        + " FROM cr_complaint WHERE decided_at >= ? AND decided_at < ? AND status IN ('UPHELD', 'REVERSED')"
                        + " GROUP BY " + complaintDay + ", status, " + complaintWait,
                "SELECT " + day("created_at") + " AS epoch_day, party_kind, COUNT(*) AS n FROM cr_misuse_measure"
                        + " WHERE measure = 'SUSPENSION' AND created_at >= ? AND created_at < ?"
                        + " GROUP BY " + day("created_at") + ", party_kind",
                "SELECT " + day("created_at") + " AS epoch_day, country, COUNT(*) AS n FROM cr_referral"
                        + " WHERE created_at >= ? AND created_at < ? GROUP BY " + day("created_at") + ", country"};
        dayQueries = q;
        return q;
    }

    /** Receives the figures of one day: (day, figure, breakdown, count). */
    @FunctionalInterface
    interface DaySink {
        void add(LocalDate day, String figure, String breakdown, long value);
    }

    private volatile Boolean postgres;
    private volatile String[] dayQueries;

    private final JdbcClient jdbc;

    public ModerationFiguresService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of the period, from the rollups for the days rolled up and from the rows for the others (as the
     * caller's transaction sees them: in one transaction, the control row and the rollups agree). Counts exact,
     * medians from the histograms (within 1%).
     */
    public ModerationFigures compute(ReportPeriod period) {
        Tally tally = new Tally(period);
        LocalDate end = period.to().plusDays(1);
        LocalDate until = rolledUpUntil();
        LocalDate rolledEnd = until == null || !until.isAfter(period.from()) ? period.from()
                : (until.isBefore(end) ? until : end);
        if (period.from().isBefore(rolledEnd)) {
            LocalDate firstWhole = period.from().getDayOfMonth() == 1 ? period.from()
                    : period.from().withDayOfMonth(1).plusMonths(1);
            LocalDate afterLastWhole = rolledEnd.withDayOfMonth(1);
            if (firstWhole.isBefore(afterLastWhole)) {
                sums(MONTHS, yyyymm(firstWhole), yyyymm(afterLastWhole), tally);
                sums(DAYS, period.from(), firstWhole, tally);
                sums(DAYS, afterLastWhole, rolledEnd, tally);
            } else {
                sums(DAYS, period.from(), rolledEnd, tally);
            }
            jdbc.sql(CHART).params(period.from(), rolledEnd).query(rs -> {
                tally.chart(rs.getObject("report_day", LocalDate.class), rs.getString("figure"), rs.getLong("amount"));
            });
        }
        if (rolledEnd.isBefore(end)) {
            dayFigures(rolledEnd, end, tally::addDay);
        }
        return tally.figures();
    }

    /** Whole months of the rollup: the sums of their day rows. */
    static final String MONTHS = """
            SELECT figure, breakdown, SUM(amount) AS amount FROM cr_report_month WHERE report_month >= ? AND report_month < ?
            GROUP BY figure, breakdown
            """;
    /** Rolled-up days outside whole months. */
    static final String DAYS = """
            SELECT figure, breakdown, SUM(amount) AS amount FROM cr_report_day WHERE report_day >= ? AND report_day < ?
            GROUP BY figure, breakdown
            """;
    /** The chart's days that are rolled up (index cr_report_day_figure). */
    static final String CHART = """
            SELECT report_day, figure, amount FROM cr_report_day
            WHERE figure IN ('blocked', 'lifted') AND report_day >= ? AND report_day < ?
            """;

    private void sums(String sql, Object from, Object to, Tally tally) {
        if (from instanceof LocalDate first && !first.isBefore((LocalDate) to)) {
            return; // no days between whole months and the end
        }
        jdbc.sql(sql).params(from, to).query(rs -> {
            tally.add(rs.getString("figure"), rs.getString("breakdown"), rs.getLong("amount"));
        });
    }

    static int yyyymm(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    /** The first day not rolled up yet; null before the first rollup (then every day is read from the rows). */
    LocalDate rolledUpUntil() {
        return jdbc.sql("SELECT rolled_up_until FROM cr_report_rollup WHERE id = 1")
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
    }

    /**
     * The figures of every UTC day in [from, to), from the rows, per day: the queries of the rollup and of the live
     * days of a report. A figure for a (day, figure, breakdown) may come in several parts (summed by the caller).
     */
    void dayFigures(LocalDate from, LocalDate to, DaySink sink) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.atStartOfDay().atOffset(ZoneOffset.UTC);
        String[] q = dayQueries();
        jdbc.sql(q[0]).params(start, end).query(rs -> {
            sink.add(epochDay(rs), F_NOTICES, rs.getString("category") + SEP + rs.getString("source_type"), rs.getLong("n"));
        });
        jdbc.sql(q[1]).params(start, end).query(rs -> {
            LocalDate day = epochDay(rs);
            long n = rs.getLong("n");
            String decision = rs.getString("decision");
            if ("REVERSAL".equals(rs.getString("kind"))) {
                sink.add(day, F_REVERSALS, "", n);
                sink.add(day, F_LIFTED, "", n);
            } else {
                sink.add(day, F_DECISIONS, decision + SEP + orEmpty(rs.getString("ground")) + SEP
                        + orEmpty(rs.getString("category")), n);
            }
            if ("REMOVE".equals(decision) || "RESTRICT".equals(decision)) {
                sink.add(day, F_BLOCKED, "", n);
            }
        });
        jdbc.sql(q[2]).params(start, end).query(rs -> {
            sink.add(epochDay(rs), F_DECISION_WAIT, Long.toString(rs.getLong("bucket")), rs.getLong("n"));
        });
        jdbc.sql(q[3]).params(start, end).query(rs -> {
            sink.add(epochDay(rs), F_COMPLAINTS_RECEIVED, "", rs.getLong("n"));
        });
        jdbc.sql(q[4]).params(start, end).query(rs -> {
            LocalDate day = epochDay(rs);
            sink.add(day, F_COMPLAINTS_DECIDED, rs.getString("status"), rs.getLong("n"));
            sink.add(day, F_COMPLAINT_WAIT, Long.toString(rs.getLong("bucket")), rs.getLong("n"));
        });
        jdbc.sql(q[5]).params(start, end).query(rs -> {
            sink.add(epochDay(rs), F_SUSPENSIONS, rs.getString("party_kind"), rs.getLong("n"));
        });
        jdbc.sql(q[6]).params(start, end).query(rs -> {
            String country = rs.getString("country");
            sink.add(epochDay(rs), F_REFERRALS, country == null ? NO_COUNTRY : country, rs.getLong("n"));
        });
    }

    private static LocalDate epochDay(java.sql.ResultSet rs) throws java.sql.SQLException {
        return LocalDate.ofEpochDay(rs.getLong("epoch_day"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Whether the database is PostgreSQL (read once, from the connection's metadata). */
    boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            String product = jdbc.sql("SELECT 1").query((org.springframework.jdbc.core.ResultSetExtractor<String>)
                    rs -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
            p = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = p;
        }
        return p;
    }

    /**
     * The sums of a period by figure and breakdown, the chart's days, and from them the {@link ModerationFigures}
     * built as {@link #computeExact} builds them.
     */
    private static final class Tally {
        private final ReportPeriod period;
        private final Map<String, Map<String, Long>> sums = new HashMap<>();
        private final long[] blocked;
        private final long[] lifted;

        Tally(ReportPeriod period) {
            this.period = period;
            int days = (int) (period.to().toEpochDay() - period.from().toEpochDay() + 1);
            blocked = new long[days];
            lifted = new long[days];
        }

        void add(String figure, String breakdown, long value) {
            sums.computeIfAbsent(figure, f -> new HashMap<>()).merge(breakdown, value, Long::sum);
        }

        void addDay(LocalDate day, String figure, String breakdown, long value) {
            add(figure, breakdown, value);
            chart(day, figure, value);
        }

        void chart(LocalDate day, String figure, long value) {
            int index = (int) (day.toEpochDay() - period.from().toEpochDay());
            if (index < 0 || index >= blocked.length) {
                return;
            }
            if (F_BLOCKED.equals(figure)) {
                blocked[index] += value;
            } else if (F_LIFTED.equals(figure)) {
                lifted[index] += value;
            }
        }

        private Map<String, Long> of(String figure) {
            return sums.getOrDefault(figure, Map.of());
        }

        private long total(String figure) {
            return of(figure).values().stream().mapToLong(Long::longValue).sum();
        }

        ModerationFigures figures() {
            Map<String, Long> bySource = zeros(SOURCES);
            Map<String, Long> noticesByCategory = new TreeMap<>();
            long[] notices = new long[1];
            of(F_NOTICES).forEach((breakdown, n) -> {
                String[] parts = breakdown.split("\\|", -1);
                notices[0] += n;
                noticesByCategory.merge(parts[0], n, Long::sum);
                bySource.merge(parts[1], n, Long::sum);
            });
            Map<String, Long> byType = zeros(TYPES);
            Map<String, Long> byGround = zeros(GROUNDS);
            Map<String, Long> actionsByCategory = new TreeMap<>();
            long[] reviews = new long[1];
            of(F_DECISIONS).forEach((breakdown, n) -> {
                String[] parts = breakdown.split("\\|", -1);
                reviews[0] += n;
                byType.merge(parts[0], n, Long::sum);
                if (!"NO_ACTION".equals(parts[0])) {
                    if (!parts[1].isEmpty()) {
                        byGround.merge(parts[1], n, Long::sum);
                    }
                    actionsByCategory.merge(parts[2], n, Long::sum);
                }
            });
            ModerationFigures.Notices n = new ModerationFigures.Notices(notices[0],
                    bySource.getOrDefault(TRUSTED_FLAGGER, 0L), bySource, noticesByCategory);
            ModerationFigures.Actions actions = new ModerationFigures.Actions(reviews[0], byType, byGround,
                    actionsByCategory, total(F_DECISION_WAIT), median(of(F_DECISION_WAIT)), total(F_REVERSALS));
            Map<String, Long> decided = of(F_COMPLAINTS_DECIDED);
            ModerationFigures.Complaints complaints = new ModerationFigures.Complaints(total(F_COMPLAINTS_RECEIVED),
                    total(F_COMPLAINTS_DECIDED), decided.getOrDefault("UPHELD", 0L), decided.getOrDefault("REVERSED", 0L),
                    median(of(F_COMPLAINT_WAIT)));
            Map<String, Long> byKind = of(F_SUSPENSIONS);
            long notifiers = byKind.getOrDefault("NOTIFIER", 0L);
            long accounts = byKind.getOrDefault("ACCOUNT", 0L);
            long complainants = byKind.getOrDefault("COMPLAINANT", 0L);
            ModerationFigures.Suspensions suspensions = new ModerationFigures.Suspensions(
                    notifiers + accounts + complainants, notifiers, accounts, complainants);
            Map<String, Long> byCountry = new TreeMap<>(of(F_REFERRALS));
            ModerationFigures.Referrals referrals = new ModerationFigures.Referrals(total(F_REFERRALS), byCountry);
            List<ModerationFigures.Day> days = new ArrayList<>(blocked.length);
            LocalDate day = period.from();
            for (int i = 0; i < blocked.length; i++, day = day.plusDays(1)) {
                days.add(new ModerationFigures.Day(day, blocked[i], lifted[i]));
            }
            return new ModerationFigures(n, actions, complaints, suspensions, referrals, days);
        }
    }

    /**
     * The median of a histogram (bucket index as text → count), in whole seconds: the middle value (the mean of the
     * two middle values for an even count, as PERCENTILE_CONT), each value taken as its bucket's geometric middle.
     * Null without values.
     */
    static Long median(Map<String, Long> histogram) {
        TreeMap<Long, Long> buckets = new TreeMap<>();
        histogram.forEach((bucket, n) -> buckets.merge(Long.parseLong(bucket), n, Long::sum));
        long count = buckets.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return null;
        }
        long lower = (count + 1) / 2; // 1-based ranks of the two middle values (the same for an odd count)
        long upper = count / 2 + 1;
        double a = Double.NaN;
        double b = Double.NaN;
        long seen = 0;
        for (Map.Entry<Long, Long> e : buckets.entrySet()) {
            long next = seen + e.getValue();
            if (Double.isNaN(a) && lower <= next) {
                a = middle(e.getKey());
            }
            if (upper <= next) {
                b = middle(e.getKey());
                break;
            }
            seen = next;
        }
        return Math.round((a + b) / 2);
    }

    /** The geometric middle of a bucket in seconds (0 for the bucket of waits under a second). */
    static double middle(long bucket) {
        return bucket == ZERO_BUCKET ? 0 : Math.pow(HISTOGRAM_BASE, bucket + 0.5);
    }

    /**
     * The figures of the period computed from the rows alone, with exact medians (PERCENTILE_CONT): the frozen
     * report, and the reference of the tests. Seconds over long periods of many decisions.
     */
    public ModerationFigures computeExact(ReportPeriod period) {
        OffsetDateTime from = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = period.end().atOffset(ZoneOffset.UTC);
        return new ModerationFigures(notices(from, to), actions(from, to), complaints(from, to), suspensions(from, to),
                referrals(from, to), perDay(period, from, to));
    }

    private ModerationFigures.Notices notices(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Long> bySource = zeros(SOURCES);
        Map<String, Long> byCategory = new TreeMap<>();
        long[] total = new long[1];
        jdbc.sql(NOTICES).params(from, to).query(rs -> {
            long n = rs.getLong("n");
            total[0] += n;
            bySource.merge(rs.getString("source_type"), n, Long::sum);
            byCategory.merge(rs.getString("category"), n, Long::sum);
        });
        return new ModerationFigures.Notices(total[0], bySource.getOrDefault(TRUSTED_FLAGGER, 0L), bySource, byCategory);
    }

    private ModerationFigures.Actions actions(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Long> byType = zeros(TYPES);
        Map<String, Long> byGround = zeros(GROUNDS);
        Map<String, Long> byCategory = new TreeMap<>();
        long[] counts = new long[2]; // reviews, reversals
        jdbc.sql(DECISIONS).params(from, to).query(rs -> {
            long n = rs.getLong("n");
            if ("REVERSAL".equals(rs.getString("kind"))) {
                counts[1] += n;
                return;
            }
            counts[0] += n;
            String decision = rs.getString("decision");
            byType.merge(decision, n, Long::sum);
            if (!"NO_ACTION".equals(decision)) {
                String ground = rs.getString("ground");
                if (ground != null) {
                    byGround.merge(ground, n, Long::sum);
                }
                byCategory.merge(rs.getString("category"), n, Long::sum);
            }
        });
        long[] actioned = new long[1];
        Long[] median = new Long[1];
        jdbc.sql(TIME_TO_DECISION).params(from, to).query(rs -> {
            actioned[0] = rs.getLong("n");
            median[0] = seconds(rs.getBigDecimal("median"));
        });
        return new ModerationFigures.Actions(counts[0], byType, byGround, byCategory, actioned[0], median[0], counts[1]);
    }

    private ModerationFigures.Complaints complaints(OffsetDateTime from, OffsetDateTime to) {
        long received = jdbc.sql(COMPLAINTS_RECEIVED).params(from, to).query(Long.class).single();
        return jdbc.sql(COMPLAINTS_DECIDED).params(from, to).query((rs, i) -> new ModerationFigures.Complaints(received,
                rs.getLong("n"), rs.getLong("upheld"), rs.getLong("reversed"), seconds(rs.getBigDecimal("median"))))
                .single();
    }

    private ModerationFigures.Suspensions suspensions(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        jdbc.sql(SUSPENSIONS).params(from, to).query(rs -> {
            byKind.merge(rs.getString("party_kind"), rs.getLong("n"), Long::sum);
        });
        long notifiers = byKind.getOrDefault("NOTIFIER", 0L);
        long accounts = byKind.getOrDefault("ACCOUNT", 0L);
        long complainants = byKind.getOrDefault("COMPLAINANT", 0L);
        return new ModerationFigures.Suspensions(notifiers + accounts + complainants, notifiers, accounts, complainants);
    }

    private ModerationFigures.Referrals referrals(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Long> byCountry = new TreeMap<>();
        jdbc.sql(REFERRALS).params(from, to).query(rs -> {
            String country = rs.getString("country");
            byCountry.merge(country == null ? NO_COUNTRY : country, rs.getLong("n"), Long::sum);
        });
        return new ModerationFigures.Referrals(byCountry.values().stream().mapToLong(Long::longValue).sum(), byCountry);
    }

    private List<ModerationFigures.Day> perDay(ReportPeriod period, OffsetDateTime from, OffsetDateTime to) {
        long firstDay = period.from().toEpochDay();
        int days = (int) (period.to().toEpochDay() - period.from().toEpochDay() + 1);
        long[] blocked = new long[days];
        long[] lifted = new long[days];
        jdbc.sql(PER_DAY).params(from, to).query(rs -> {
            int day = (int) (rs.getLong("epoch_day") - firstDay);
            if (day >= 0 && day < days) {
                blocked[day] += rs.getLong("blocked");
                lifted[day] += rs.getLong("lifted");
            }
        });
        List<ModerationFigures.Day> list = new ArrayList<>(days);
        LocalDate day = period.from();
        for (int n = 0; n < days; n++, day = day.plusDays(1)) {
            list.add(new ModerationFigures.Day(day, blocked[n], lifted[n]));
        }
        return list;
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }

    /** A median in seconds, rounded half up to whole seconds; null without values. */
    static Long seconds(BigDecimal median) {
        return median == null ? null : median.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
