package com.disclosuredesk.bench;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.disclosuredesk.dsa.StatementSender;
import com.disclosuredesk.dsa.StatementSenderProperties;
import com.disclosuredesk.dsa.StatementSenderStub;
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

        long fillStart = System.nanoTime();
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(new Object[] {(long) i, "dd-bench-" + i, "CR-" + i, (long) i, statement("dd-bench-" + i),
                    Timestamp.from(now)});
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

    /** A statement of the size the project's statements have (no personal data: there is none to have). */
    private static String statement(String puid) {
        return "{\"puid\":\"" + puid + "\",\"decision_visibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"],"
                + "\"decision_ground\":\"DECISION_GROUND_ILLEGAL_CONTENT\",\"illegal_content_legal_ground\":\"Art. 130 StGB\","
                + "\"illegal_content_explanation\":\"The content incites hatred against a group defined by religion, "
                + "which the cited provision prohibits; reviewed by a moderator after a notice.\","
                + "\"category\":\"STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH\",\"category_specification\":[\"KEYWORD_HATE_SPEECH\"],"
                + "\"content_type\":[\"CONTENT_TYPE_TEXT\"],\"content_language\":\"DE\",\"territorial_scope\":[\"DE\"],"
                + "\"decision_facts\":\"A notice under Art. 16 DSA reported the message; a moderator found it illegal "
                + "under the cited provision and removed it.\",\"content_date\":\"2026-11-30\",\"application_date\":\"2026-12-01\","
                + "\"source_type\":\"SOURCE_ARTICLE_16\",\"automated_detection\":\"No\",\"automated_decision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\"}";
    }
}
