package com.disclosuredesk.transparency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;


import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the transparency report of a period from the ledger with one aggregate query, grouped by country, order
 * type, emergency and outcome. Everything else (countries, splits, percentages, totals) is arithmetic over its few
 * rows.
 *
 * <ul>
 * <li>{@link #compute(ReportPeriod)}, the live report: whole calendar months (UTC) come from the running monthly
 * totals ({@code dd_ledger_month}, written with each append, keyed in grouping order), the days of a partial month
 * at either end from the entries (index {@code dd_ledger_entry_report} on {@code ended_at}, holding every column
 * read) — one query over their union, so that a report over a million entries takes tens of milliseconds, where
 * the same aggregate over the entries alone takes seconds (docs/performance.md).</li>
 * <li>{@link #computeFromEntries}, the authoritative form used when a report is frozen: the same aggregate over the
 * hashed entries alone, up to a given head of the chain.</li>
 * </ul>
 * Both add the moderation figures of the same period ({@link ModerationFiguresService}), read in the same
 * transaction: the live report from the rollups (medians within 1%), the frozen report from the rows (exact medians).
 */
@Service
public class TransparencyReportService {

    /** The authoritative aggregate: entries of the period, up to a head of the chain. */
    static final String FROM_ENTRIES = """
            SELECT authority_country, order_type, emergency, outcome,
                   COUNT(*) AS requests, SUM(users_affected) AS users_affected, SUM(targets_specified) AS targets
            FROM dd_ledger_entry
            WHERE ended_at >= ? AND ended_at < ? AND seq <= ?
            GROUP BY authority_country, order_type, emergency, outcome
            """;

    /**
     * The fast aggregate: whole months from the monthly totals, partial months at both ends from the entries, each
     * part grouped, then grouped together.
     */
    static final String FROM_MONTHS_AND_ENTRIES = """
            SELECT authority_country, order_type, emergency, outcome,
                   SUM(requests) AS requests, SUM(users_affected) AS users_affected, SUM(targets) AS targets
            FROM (
                SELECT authority_country, order_type, emergency, outcome,
                       SUM(requests) AS requests, SUM(users_affected) AS users_affected, SUM(targets_specified) AS targets
                FROM dd_ledger_month WHERE ended_month >= ? AND ended_month < ?
                GROUP BY authority_country, order_type, emergency, outcome
                UNION ALL
                SELECT authority_country, order_type, emergency, outcome,
                       COUNT(*), SUM(users_affected), SUM(targets_specified)
                FROM dd_ledger_entry WHERE ended_at >= ? AND ended_at < ? AND seq <= ?
                GROUP BY authority_country, order_type, emergency, outcome
                UNION ALL
                SELECT authority_country, order_type, emergency, outcome,
                       COUNT(*), SUM(users_affected), SUM(targets_specified)
                FROM dd_ledger_entry WHERE ended_at >= ? AND ended_at < ? AND seq <= ?
                GROUP BY authority_country, order_type, emergency, outcome
            ) ledger
            GROUP BY authority_country, order_type, emergency, outcome
            """;

    private final JdbcClient jdbc;
    private final TransparencyLedger ledger;
    private final Clock clock;
    private final ModerationFiguresService moderation;

    @Autowired
    public TransparencyReportService(JdbcClient jdbc, TransparencyLedger ledger, Clock clock,
                                     ModerationFiguresService moderation) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
        this.moderation = moderation;
    }

    /** Without Spring (tests, benchmarks): the moderation figures from the same database. */
    public TransparencyReportService(JdbcClient jdbc, TransparencyLedger ledger, Clock clock) {
        this(jdbc, ledger, clock, new ModerationFiguresService(jdbc));
    }

    /**
     * The report of the period over the ledger as committed now. In a transaction of its own (a snapshot: repeatable
     * read), the head and the monthly totals are read as of the same moment.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TransparencyReport compute(ReportPeriod period) {
        TransparencyLedger.Head head = ledger.head();
        Split split = Split.of(period);
        return report(period, head, moderation.compute(period), FROM_MONTHS_AND_ENTRIES, split.firstMonth(),
                split.afterLastMonth(),
                utc(split.leadFrom()), utc(split.leadTo()), head.seq(),
                utc(split.tailFrom()), utc(split.tailTo()), head.seq());
    }

    /** The report of the period from the entries alone, up to the given head (later entries are left out). */
    public TransparencyReport computeFromEntries(ReportPeriod period, TransparencyLedger.Head head) {
        return report(period, head, moderation.computeExact(period), FROM_ENTRIES, utc(period.start()),
                utc(period.end()), head.seq());
    }

    private TransparencyReport report(ReportPeriod period, TransparencyLedger.Head head, ModerationFigures moderationFigures,
                                      String sql, Object... params) {
        Map<String, Tally> byCountry = new TreeMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            byCountry.computeIfAbsent(rs.getString("authority_country"), c -> new Tally())
                    .add(OrderType.valueOf(rs.getString("order_type")), rs.getBoolean("emergency"),
                            OrderOutcome.valueOf(rs.getString("outcome")), rs.getLong("requests"),
                            rs.getLong("users_affected"), rs.getLong("targets"));
        });
        Tally total = new Tally();
        List<TransparencyReport.Row> countries = new ArrayList<>();
        byCountry.forEach((code, tally) -> {
            total.addAll(tally);
            countries.add(tally.row(code, countryName(code)));
        });
        countries.sort(Comparator.comparing(TransparencyReport.Row::countryName).thenComparing(TransparencyReport.Row::country));
        return new TransparencyReport(TransparencyReport.Period.of(period), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                new TransparencyReport.Ledger(head.seq(), head.hash()), total.row(null, null), countries,
                moderationFigures);
    }

    /**
     * A period cut into the days before its first whole month, its whole months (yyyymm, end exclusive) and the
     * days after its last whole month. Without a whole month, the lead covers the period and the rest is empty.
     */
    record Split(Instant leadFrom, Instant leadTo, int firstMonth, int afterLastMonth, Instant tailFrom, Instant tailTo) {

        static Split of(ReportPeriod period) {
            LocalDate firstWhole = period.from().getDayOfMonth() == 1 ? period.from()
                    : period.from().withDayOfMonth(1).plusMonths(1);
            LocalDate afterLastWhole = period.to().plusDays(1).getDayOfMonth() == 1 ? period.to().plusDays(1)
                    : period.to().withDayOfMonth(1);
            if (!firstWhole.isBefore(afterLastWhole)) {
                return new Split(period.start(), period.end(), 0, 0, period.end(), period.end());
            }
            return new Split(period.start(), day(firstWhole), month(firstWhole), month(afterLastWhole),
                    day(afterLastWhole), period.end());
        }

        private static Instant day(LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        private static int month(LocalDate date) {
            return date.getYear() * 100 + date.getMonthValue();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The English name of an ISO 3166-1 alpha-2 code, as the JDK knows it (the code itself when unknown). */
    public static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() ? code : name;
    }

    /** "Fulfilled requests from Germany for IP address and/or phone number: N. Affected users: M." */
    public static String botLine(String countryName, long fulfilled, long usersAffected) {
        return "Fulfilled requests from " + countryName + " for IP address and/or phone number: " + fulfilled
                + ". Affected users: " + usersAffected + ".";
    }

    /** FULFILLED / requests in percent, one decimal, half up; null without requests. */
    static BigDecimal percentage(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Running sums of one country (or of all). */
    private static final class Tally {
        long requests;
        long accounts;
        long fulfilled;
        long users;
        final EnumMap<OrderOutcome, Long> outcomes = new EnumMap<>(OrderOutcome.class);
        final EnumMap<OrderType, long[]> types = new EnumMap<>(OrderType.class);
        final EnumMap<LegalProcessClass, long[]> classes = new EnumMap<>(LegalProcessClass.class);
        final long[] emergency = new long[2];

        Tally() {
            for (OrderOutcome o : OrderOutcome.values()) {
                outcomes.put(o, 0L);
            }
            for (OrderType t : OrderType.values()) {
                types.put(t, new long[2]);
            }
            for (LegalProcessClass c : LegalProcessClass.values()) {
                classes.put(c, new long[2]);
            }
        }

        void add(OrderType type, boolean isEmergency, OrderOutcome outcome, long count, long usersAffected, long targets) {
            long fulfilledCount = outcome == OrderOutcome.FULFILLED ? count : 0;
            requests += count;
            accounts += targets;
            fulfilled += fulfilledCount;
            users += usersAffected;
            outcomes.merge(outcome, count, Long::sum);
            add(types.get(type), count, fulfilledCount);
            add(classes.get(LegalProcessClass.of(type)), count, fulfilledCount);
            if (isEmergency) {
                add(emergency, count, fulfilledCount);
            }
        }

        void addAll(Tally other) {
            requests += other.requests;
            accounts += other.accounts;
            fulfilled += other.fulfilled;
            users += other.users;
            other.outcomes.forEach((o, n) -> outcomes.merge(o, n, Long::sum));
            other.types.forEach((t, s) -> add(types.get(t), s[0], s[1]));
            other.classes.forEach((c, s) -> add(classes.get(c), s[0], s[1]));
            add(emergency, other.emergency[0], other.emergency[1]);
        }

        private static void add(long[] split, long count, long fulfilledCount) {
            split[0] += count;
            split[1] += fulfilledCount;
        }

        TransparencyReport.Row row(String code, String name) {
            Map<String, Long> byOutcome = new LinkedHashMap<>();
            outcomes.forEach((o, n) -> byOutcome.put(o.name(), n));
            Map<String, TransparencyReport.Split> byType = new LinkedHashMap<>();
            types.forEach((t, s) -> byType.put(t.name(), new TransparencyReport.Split(s[0], s[1])));
            Map<String, TransparencyReport.Split> byClass = new LinkedHashMap<>();
            classes.forEach((c, s) -> byClass.put(c.name(), new TransparencyReport.Split(s[0], s[1])));
            return new TransparencyReport.Row(code, name, requests, accounts, fulfilled, users,
                    percentage(fulfilled, requests), byOutcome, byType, byClass,
                    new TransparencyReport.Split(emergency[0], emergency[1]),
                    name == null ? null : botLine(name, fulfilled, users));
        }
    }
}
