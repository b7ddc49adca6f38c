package com.disclosuredesk.bench;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.disclosuredesk.dsa.StatementSchema;
import com.disclosuredesk.dsa.StatementSender;
import com.disclosuredesk.dsa.StatementSenderProperties;
import com.disclosuredesk.dsa.StatementSenderStub;
import com.disclosuredesk.dsa.StatementsOfReasonsExport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The DSA export's throughput (issue 17, "the export keeps up with 500,000 decisions a day, with the time measured
 * against a local stub"): fills the queue {@code cr_statement} (V15, in a fresh in-memory H2 database) with N
 * statements of a realistic size, runs {@link StatementSender} against {@link StatementSenderStub} on loopback until
 * the queue is empty, and prints statements per second next to the 5.8/s that 500,000 a day need. bench/dsa-export.sh.
 * Exits 0 on PASS (every statement STORED, once, at 5.8/s or more), 1 on FAIL.
 */
public final class DsaExportBenchmark {

    private static final double NEEDED_PER_SECOND = 500_000 / 86_400.0;

    public static void main(String[] args) throws Exception {
        int n = 50_000;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--statements" -> n = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--help" -> {
                    System.out.println("bench/dsa-export.sh [--statements N (50000)] [--port P (0: ephemeral, loopback)]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dsa-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V15__dsa_statements.sql")).execute(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);

        // what the decision step adds per decision: the mapping and the schema check (StatementQueue), timed apart
        StatementSchema schema = new StatementSchema();
        List<String> statements = new ArrayList<>(n);
        long mapStart = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            ObjectNode statement = StatementsOfReasonsExport.statement(facts(i));
            schema.check(statement, "decision " + i);
            statements.add(statement.toString());
        }
        double mapSeconds = (System.nanoTime() - mapStart) / 1e9;
        System.out.printf("mapped and validated %,d statements in %.1f s: %.2f ms each in the decision step (%.0f/s on one "
                + "thread)%n", n, mapSeconds, mapSeconds * 1000 / n, n / mapSeconds);

        long fillStart = System.nanoTime();
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(new Object[] {(long) i, StatementsOfReasonsExport.puid(caseNumber(i), i), caseNumber(i), (long) i,
                    statements.get(i - 1), Timestamp.from(now)});
            if (rows.size() == 1000 || i == n) {
                jdbc.batchUpdate("INSERT INTO cr_statement (id, puid, case_number, decision_id, statement, created_at, "
                        + "state, attempts) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0)", rows);
                rows.clear();
            }
        }
        System.out.printf("queued %,d statements in %.1f s%n", n, (System.nanoTime() - fillStart) / 1e9);

        try (StatementSenderStub stub = new StatementSenderStub(port)) {
            StatementSenderProperties settings = new StatementSenderProperties(true, stub.baseUrl(), "bench-token", 100,
                    Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(6));
            StatementSender sender = new StatementSender(settings, jdbc, new DataSourceTransactionManager(ds),
                    Clock.systemUTC(), new SimpleMeterRegistry());
            long start = System.nanoTime();
            while (sender.sendOnce() > 0) {
                // one batch per round, until the queue is empty
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM cr_statement WHERE state = 'STORED'", Long.class);
            long posted = stub.batches.stream().mapToLong(List::size).sum();
            double rate = stored / seconds;
            System.out.printf("sent to the stub at %s: %,d POSTs, %,d statements posted, %,d STORED in %.1f s%n",
                    stub.baseUrl(), stub.batches.size(), posted, stored, seconds);
            System.out.printf("%.0f statements/s; 500,000 decisions a day need %.1f/s (%.0fx headroom); "
                    + "a day's 500,000 take %.0f s%n", rate, NEEDED_PER_SECOND, rate / NEEDED_PER_SECOND, 500_000 / rate);
            boolean pass = stored == n && posted == n && rate >= NEEDED_PER_SECOND;
            System.out.println(pass ? "PASS" : "FAIL");
            System.exit(pass ? 0 : 1);
        }
    }

    private static String caseNumber(int i) {
        return "CR-2026-%06d".formatted(i % 1_000_000);
    }

    /** A decision's facts as StatementQueue reads them, varied over decisions, grounds, sources and subjects. */
    private static StatementsOfReasonsExport.Facts facts(int i) {
        boolean law = i % 5 < 2;
        String[][] categories = {{"RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT"}, {"ILLEGAL_OR_HARMFUL_SPEECH", "HATE_SPEECH"},
                {"SCAMS_AND_FRAUD", "PHISHING"}, {"PROTECTION_OF_MINORS", "CHILD_SEXUAL_ABUSE_MATERIAL"}};
        String[] category = categories[i % categories.length];
        return new StatementsOfReasonsExport.Facts(caseNumber(i), i, false, i % 4 == 0 ? "RESTRICT" : "REMOVE",
                i % 3 == 0 ? "CHANNEL" : "MESSAGE", law ? "ILLEGAL_CONTENT" : "INCOMPATIBLE_CONTENT",
                law ? "§ 130 StGB" : "Terms of Service 4.2",
                "The message incites hatred against a group defined by religion, which the cited rule prohibits; "
                        + "reviewed by a moderator after notices.", category[0], category[1], "CONTENT_TYPE_TEXT",
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1), i % 10 == 0, 1 + i % 7, null);
    }
}
