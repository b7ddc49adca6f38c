package com.disclosuredesk.transparency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the {@link ModerationFigures} of a period from the content-report tables: eight aggregate queries,
 * each grouped in the database over an index on the time column it filters (V17), so that only a few rows per
 * group come back however many decisions there are (docs/performance.md: a year of a million decisions).
 * Medians with {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ...)}, which H2 2.x and PostgreSQL both accept;
 * durations as differences of {@code EXTRACT(EPOCH FROM ...)} (seconds since 1970 in UTC on both). A day of the
 * chart is counted in the database too: the whole days since the start of the period.
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

    private final JdbcClient jdbc;

    public ModerationFiguresService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the period, from the tables as the caller's transaction sees them. */
    public ModerationFigures compute(ReportPeriod period) {
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
