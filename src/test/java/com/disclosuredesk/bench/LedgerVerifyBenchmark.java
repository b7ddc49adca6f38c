package com.disclosuredesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.transparency.LedgerEntry;
import com.disclosuredesk.transparency.LedgerVerification;
import com.disclosuredesk.transparency.LegalProcessClass;
import com.disclosuredesk.transparency.ModerationLedgerEntry;
import com.disclosuredesk.transparency.TransparencyLedger;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the public ledger verification (run by bench/ledger-verify.sh, never by the test suite): an H2 file
 * database with N legal-order entries and M moderation entries in one hash chain (default 1,000,000 each, randomly
 * interleaved, hashes computed as the ledger computes them, batched inserts; the seeding time is printed apart), then:
 * a full verification from the genesis hash (cold: the first call of {@link LedgerVerification}), a cached call (the
 * head has not moved; p50 and max of 1,000 calls), and the incremental verification after 1,000 appends through
 * the application's own append code (500 {@code TransparencyLedger.append}, 500 {@code decisionInForce}). Prints
 * entries/s and the heap in use after each step, and the peak heap of the run.
 *
 * <p>Arguments: {@code [legal-entries] [moderation-entries] [page]}; a database already filled to at least that
 * size is reused.
 */
public final class LedgerVerifyBenchmark {

    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] CATEGORIES = {"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
            "STATEMENT_CATEGORY_VIOLENCE", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS"};
    private static final String[] DECISIONS = {"REMOVE", "RESTRICT", "NO_ACTION"};

    private LedgerVerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int legal = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int moderation = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int page = args.length > 2 ? Integer.parseInt(args[2]) : TransparencyLedger.DEFAULT_PAGE;
        Path dir = Path.of("target", "bench", "ledger-verify");
        Files.createDirectories(dir);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("ledger-" + legal + "-" + moderation)
                + ";LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE");
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaximumPoolSize(4);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("dd_schema_history").load().migrate();
        TransparencyLedger ledger = newLedger(ds, page);
        System.out.printf(Locale.ROOT, "JVM: %s, max heap %d MB, %d processors; verification page %,d seq%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), page);

        long present = ledger.head().seq();
        if (present < (long) legal + moderation) {
            if (present != 0) {
                throw new IllegalStateException("the database under " + dir + " holds " + present + " entries; delete it");
            }
            long t0 = System.nanoTime();
            fill(ds, legal, moderation);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "seeding: %,d legal-order + %,d moderation entries in %.1f s (%,.0f entries/s)%n",
                    legal, moderation, s, (legal + moderation) / s);
        } else {
            System.out.printf(Locale.ROOT, "reusing %,d entries in %s%n", present, dir);
        }
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("ANALYZE");
        }
        heap("after seeding");

        LedgerVerification verification = new LedgerVerification(ledger,
                new LedgerVerification.Settings(Duration.ofHours(1), 20, Duration.ofSeconds(3), 10_000), Clock.systemUTC());
        long t0 = System.nanoTime();
        TransparencyLedger.Verification cold = verification.current();
        double coldS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "full verification (cold): %,d entries %s in %.2f s = %,.0f entries/s%n",
                cold.entries(), cold.intact() ? "intact" : "BROKEN at " + cold.firstBrokenSeq() + ": " + cold.problem(),
                coldS, cold.entries() / coldS);
        heap("after the full verification");

        long[] micros = new long[1000];
        for (int n = 0; n < micros.length; n++) {
            long t = System.nanoTime();
            TransparencyLedger.Verification cached = verification.current();
            micros[n] = (System.nanoTime() - t) / 1000;
            if (cached != cold) {
                throw new IllegalStateException("the cached call did not answer the kept result");
            }
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "cached call (head unchanged): p50 %d µs, max %d µs over %d calls (reads the head row only)%n",
                micros[micros.length / 2], micros[micros.length - 1], micros.length);

        t0 = System.nanoTime();
        appendThousand(ds, ledger);
        double appendS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "appended 1,000 entries (500 legal orders, 500 decisions) in %.2f s = %,.0f appends/s%n",
                appendS, 1000 / appendS);
        t0 = System.nanoTime();
        TransparencyLedger.Verification incremental = verification.current();
        double incS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "incremental verification after 1,000 appends: %,d entries %s in %.3f s%n",
                incremental.entries(), incremental.intact() ? "intact" : "BROKEN at " + incremental.firstBrokenSeq(), incS);
        t0 = System.nanoTime();
        TransparencyLedger.Verification full = ledger.verify();
        double fullS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "full verification again (warm), for comparison: %,d entries %s in %.2f s = %,.0f entries/s%n",
                full.entries(), full.intact() ? "intact" : "BROKEN", fullS, full.entries() / fullS);
        heap("at the end");
        // the old generation's peak: what outlived young collections (the pages are garbage as soon as they are checked);
        // a sum of the pools' peaks would overstate it, since the pools peak at different times
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                System.out.printf(Locale.ROOT, "peak of %s during the run: %d MB (max heap %d MB)%n", pool.getName(),
                        pool.getPeakUsage().getUsed() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
        }
        ds.close();
    }

    private static TransparencyLedger newLedger(HikariDataSource ds, int page) throws Exception {
        var constructor = TransparencyLedger.class.getDeclaredConstructor(JdbcClient.class, Clock.class, int.class);
        constructor.setAccessible(true);
        return constructor.newInstance(JdbcClient.create(ds), Clock.systemUTC(), page);
    }

    private static void heap(String when) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use %s (after GC): %d MB%n", when, memory.getHeapMemoryUsage().getUsed() >> 20);
    }

    /** Both kinds in one sequence, randomly interleaved, hashed as the ledger hashes them. */
    private static void fill(javax.sql.DataSource ds, int legal, int moderation) throws SQLException {
        SplittableRandom random = new SplittableRandom(20261206);
        OrderType[] types = OrderType.values();
        OrderOutcome[] outcomes = {OrderOutcome.FULFILLED, OrderOutcome.NO_DATA, OrderOutcome.REJECTED, OrderOutcome.INVALID};
        String prev = TransparencyLedger.GENESIS_HASH;
        int total = legal + moderation;
        int legalLeft = legal;
        int moderationLeft = moderation;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement legalInsert = c.prepareStatement("""
                    INSERT INTO dd_ledger_entry (seq, format_version, tracking_number, ended_at, period_from, period_to,
                        authority_country, order_type, legal_process_class, outcome, users_affected, targets_specified,
                        emergency, prev_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement moderationInsert = c.prepareStatement("""
                    INSERT INTO dd_ledger_moderation_entry (seq, format_version, entry_kind, source_key, case_number,
                        decided_at, recorded_at, category, decision_kind, decision, ground, trusted_flagger, country,
                        complaint_outcome, prev_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 1; n <= total; n++) {
                    Instant at = FIRST.plus(n * 30L, ChronoUnit.SECONDS).plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
                    boolean isLegal = moderationLeft == 0 || (legalLeft > 0 && random.nextInt(legalLeft + moderationLeft) < legalLeft);
                    if (isLegal) {
                        legalLeft--;
                        OrderType type = types[random.nextInt(types.length)];
                        OrderOutcome outcome = outcomes[random.nextInt(outcomes.length)];
                        Instant periodTo = at.truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS);
                        Instant periodFrom = periodTo.minus(90, ChronoUnit.DAYS);
                        int targets = 1 + random.nextInt(3);
                        int users = outcome == OrderOutcome.FULFILLED ? 1 : 0;
                        String tracking = String.format(Locale.ROOT, "LO-%d-%07d", at.atZone(ZoneOffset.UTC).getYear(), n);
                        LedgerEntry e = new LedgerEntry(n, LedgerEntry.CURRENT_FORMAT, tracking, at, periodFrom, periodTo,
                                "DE", type.name(), LegalProcessClass.of(type), outcome, users, targets, false, prev, null);
                        String hash = Sha256.hex(e.canonical());
                        legalInsert.setLong(1, n);
                        legalInsert.setInt(2, e.formatVersion());
                        legalInsert.setString(3, tracking);
                        legalInsert.setObject(4, at.atOffset(ZoneOffset.UTC));
                        legalInsert.setObject(5, periodFrom.atOffset(ZoneOffset.UTC));
                        legalInsert.setObject(6, periodTo.atOffset(ZoneOffset.UTC));
                        legalInsert.setString(7, "DE");
                        legalInsert.setString(8, type.name());
                        legalInsert.setString(9, e.legalProcessClass().name());
                        legalInsert.setString(10, outcome.name());
                        legalInsert.setInt(11, users);
                        legalInsert.setInt(12, targets);
                        legalInsert.setBoolean(13, false);
                        legalInsert.setString(14, prev);
                        legalInsert.setString(15, hash);
                        legalInsert.addBatch();
                        prev = hash;
                    } else {
                        moderationLeft--;
                        boolean complaint = random.nextInt(20) == 0;
                        String decision = DECISIONS[random.nextInt(DECISIONS.length)];
                        String ground = "NO_ACTION".equals(decision) ? null
                                : random.nextBoolean() ? "ILLEGAL_CONTENT" : "INCOMPATIBLE_CONTENT";
                        ModerationLedgerEntry e = new ModerationLedgerEntry(n, ModerationLedgerEntry.FORMAT_V3,
                                complaint ? ModerationLedgerEntry.COMPLAINT_OUTCOME : ModerationLedgerEntry.MODERATION_DECISION,
                                (complaint ? "complaint:" : "decision:") + n, String.format(Locale.ROOT, "CR-2026-%07d", n),
                                at.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS), at,
                                CATEGORIES[random.nextInt(CATEGORIES.length)], "REVIEW", decision, ground,
                                random.nextInt(10) == 0, "DE", complaint ? (random.nextBoolean() ? "UPHELD" : "REVERSED") : null,
                                prev, null);
                        String hash = Sha256.hex(e.canonical());
                        moderationInsert.setLong(1, n);
                        moderationInsert.setInt(2, e.formatVersion());
                        moderationInsert.setString(3, e.entryKind());
                        moderationInsert.setString(4, e.sourceKey());
                        moderationInsert.setString(5, e.caseNumber());
                        moderationInsert.setObject(6, e.decidedAt().atOffset(ZoneOffset.UTC));
                        moderationInsert.setObject(7, e.recordedAt().atOffset(ZoneOffset.UTC));
                        moderationInsert.setString(8, e.category());
                        moderationInsert.setString(9, e.decisionKind());
                        moderationInsert.setString(10, e.decision());
                        moderationInsert.setString(11, e.ground());
                        moderationInsert.setBoolean(12, e.trustedFlagger());
                        moderationInsert.setString(13, e.country());
                        moderationInsert.setString(14, e.complaintOutcome());
                        moderationInsert.setString(15, prev);
                        moderationInsert.setString(16, hash);
                        moderationInsert.addBatch();
                        prev = hash;
                    }
                    if (n % 10_000 == 0) {
                        legalInsert.executeBatch();
                        moderationInsert.executeBatch();
                        c.commit();
                    }
                }
                legalInsert.executeBatch();
                moderationInsert.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("UPDATE dd_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, total);
                head.setString(2, prev);
                head.executeUpdate();
            }
            c.commit();
        }
    }

    /** 500 legal orders and 500 decisions appended by the application's own code (one transaction each). */
    private static void appendThousand(HikariDataSource ds, TransparencyLedger ledger) throws SQLException {
        long base = System.currentTimeMillis() % 100_000_000L * 10;
        String caseNumber = String.format(Locale.ROOT, "CR-B-%09d", base % 1_000_000_000L);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, category, country,
                        status, notice_count, trusted_notice_count, created_at, version)
                    VALUES (?, 'message:bench', 'MESSAGE', 'bench', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'DE', 'DECIDED',
                        1, 0, CURRENT_TIMESTAMP, 0)""")) {
                insert.setString(1, caseNumber);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life,
                        decided_by, decided_at)
                    VALUES (?, ?, 'REVIEW', 'REMOVE', 'INCOMPATIBLE_CONTENT', 'bench', FALSE, 'bench', CURRENT_TIMESTAMP)""")) {
                for (int n = 0; n < 500; n++) {
                    insert.setLong(1, base + n);
                    insert.setString(2, caseNumber);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        for (int n = 0; n < 500; n++) {
            ledger.append(order(String.format(Locale.ROOT, "LB-%d-%03d", base, n)), OrderOutcome.NO_DATA, 0);
            ledger.decisionInForce(base + n);
        }
    }

    private static LegalOrder order(String trackingNumber) {
        return new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-de", LegalOrder.Channel.API,
                OrderType.COURT_ORDER, new LegalOrder.Authority("Authority DE", "DE", "contact@authority.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Court"), LocalDate.of(2026, 1, 20), LocalDate.of(2027, 2, 20),
                Offence.FRAUD, true, false, null, List.of(new Target(TargetType.ACCOUNT_ID, "100000")),
                Set.of(DataCategory.IP_ADDRESS), Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z"),
                null, null, OrderStatus.RECEIVED, Instant.parse("2026-01-21T08:00:00Z"));
    }
}
