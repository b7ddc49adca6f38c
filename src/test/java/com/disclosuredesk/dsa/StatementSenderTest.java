package com.disclosuredesk.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.disclosuredesk.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * {@link StatementSender} against {@link StatementSenderStub} (loopback only): batches of at most 100, 201 stored,
 * 422 rejected as an incident, slow answers retried after existing-puid, back-off growing and capped. The queue is
 * the real V15 table in an in-memory H2 database.
 */
class StatementSenderTest {

    private StatementSenderStub stub;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() throws Exception {
        stub = new StatementSenderStub();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sender-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V15__dsa_statements.sql")).execute(ds);
        jdbc = new JdbcTemplate(ds);
        transactions = new DataSourceTransactionManager(ds);
    }

    @AfterEach
    void tearDown() {
        stub.close();
        jdbc.execute("SHUTDOWN");
    }

    private StatementSender sender(Duration timeout) {
        StatementSenderProperties settings = new StatementSenderProperties(true, stub.baseUrl(), "test-token-1", 100,
                timeout, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10));
        return new StatementSender(settings, jdbc, transactions, clock, meters);
    }

    private void queue(int n) {
        for (int i = 0; i < n; i++) {
            long id = jdbc.queryForObject("SELECT NEXT VALUE FOR cr_statement_seq", Long.class);
            String puid = "dd-test-" + id;
            String statement = "{\"puid\":\"" + puid + "\",\"decision_visibility\":[\"DECISION_VISIBILITY_CONTENT_REMOVED\"],"
                    + "\"decision_ground\":\"DECISION_GROUND_INCOMPATIBLE_CONTENT\",\"category\":\"STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE\"}";
            jdbc.update("INSERT INTO cr_statement (id, puid, case_number, decision_id, statement, created_at, state, attempts) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0)", id, puid, "CR-" + id, id, statement, Timestamp.from(clock.instant()));
        }
    }

    private Map<String, Object> row(String puid) {
        return jdbc.queryForMap("SELECT * FROM cr_statement WHERE puid = ?", puid);
    }

    private long count(String state) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cr_statement WHERE state = ?", Long.class, state);
    }

    @Test
    void aQueueOf250GoesAsThreeBatchesOfAtMost100AllStored() {
        queue(250);
        sender(Duration.ofSeconds(5)).run();

        assertThat(stub.batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(stub.authorizations).containsOnly("Bearer test-token-1");
        assertThat(count("STORED")).isEqualTo(250);
        assertThat(stub.stored).hasSize(250);
        assertThat(row("dd-test-1").get("STORED_AT")).isNotNull();
        assertThat(stub.lookups.get()).isZero();
    }

    @Test
    void a422RejectsTheNamedStatementAsAnIncidentAndTheOthersAreResent() {
        queue(3);
        stub.mode = StatementSenderStub.Mode.REJECT;
        stub.rejectErrors = puids -> "{\"statements.1.decision_ground\":[\"The selected decision ground is invalid.\"]}";
        StatementSender sender = sender(Duration.ofSeconds(5));
        sender.sendOnce();

        assertThat(row("dd-test-2").get("STATE")).isEqualTo("REJECTED");
        assertThat((String) row("dd-test-2").get("LAST_ANSWER")).startsWith("422 decision_ground");
        assertThat(row("dd-test-1").get("STATE")).isEqualTo("QUEUED");
        assertThat(meters.counter("disclosure_desk.dsa.statements", "outcome", "rejected").count()).isEqualTo(1.0);

        stub.mode = StatementSenderStub.Mode.CREATED;
        sender.sendOnce();
        assertThat(stub.batches.get(1)).containsExactly("dd-test-1", "dd-test-3");
        assertThat(stub.lookups.get()).isEqualTo(2); // existing-puid asked before resending
        assertThat(count("STORED")).isEqualTo(2);
        assertThat(count("REJECTED")).isEqualTo(1);
    }

    @Test
    void a422InTheMultipleEndpointsDocumentedFormRejectsTheNamedStatement() {
        queue(3);
        stub.mode = StatementSenderStub.Mode.REJECT;
        stub.rejectErrors = puids -> "{\"statement_2\":{\"category\":[\"The selected category is invalid.\"],"
                + "\"puid\":[\"The puid format is invalid.\"]}}";
        StatementSender sender = sender(Duration.ofSeconds(5));
        sender.sendOnce();
        assertThat(row("dd-test-3").get("STATE")).isEqualTo("REJECTED");
        assertThat((String) row("dd-test-3").get("LAST_ANSWER")).startsWith("422 category").contains("puid");
        assertThat(count("QUEUED")).isEqualTo(2);
    }

    @Test
    void a422ForPuidsTheDatabaseHasStoresThemAfterExistingPuidAndResendsTheOthers() {
        queue(2);
        stub.stored.add("dd-test-1"); // stored by an earlier attempt whose answer was lost
        stub.mode = StatementSenderStub.Mode.REJECT;
        stub.rejectErrors = puids -> "{\"puid\":[\"The platform identifier(s) are not all unique within this call.\"],"
                + "\"existing_puids\":[\"dd-test-1\"]}";
        StatementSender sender = sender(Duration.ofSeconds(5));
        sender.sendOnce();
        assertThat(row("dd-test-1").get("STATE")).isEqualTo("STORED");
        assertThat(row("dd-test-2").get("STATE")).isEqualTo("QUEUED");
        stub.mode = StatementSenderStub.Mode.CREATED;
        sender.sendOnce();
        assertThat(stub.batches.get(1)).containsExactly("dd-test-2");
        assertThat(count("STORED")).isEqualTo(2);
    }

    @Test
    void a422NamingNoStatementRejectsTheWholeBatch() {
        queue(2);
        stub.mode = StatementSenderStub.Mode.REJECT;
        stub.rejectErrors = puids -> "{\"statements\":[\"The statements field is required.\"]}";
        sender(Duration.ofSeconds(5)).sendOnce();
        assertThat(count("REJECTED")).isEqualTo(2);
    }

    @Test
    void aSlowAnswerTimesOutThenExistingPuidSaysStoredWithoutASecondPost() {
        queue(2);
        stub.mode = StatementSenderStub.Mode.SLOW;
        StatementSender sender = sender(Duration.ofMillis(300));
        sender.sendOnce();
        assertThat(count("QUEUED")).isEqualTo(2);
        assertThat(row("dd-test-1").get("ATTEMPTS")).isEqualTo(1);
        assertThat((String) row("dd-test-1").get("LAST_ANSWER")).startsWith("no answer");

        sender.sendOnce();
        assertThat(stub.batches).hasSize(1); // not due yet: nothing sent

        clock.advance(Duration.ofSeconds(61));
        stub.mode = StatementSenderStub.Mode.CREATED;
        sender.sendOnce();
        assertThat(stub.batches).hasSize(1);
        assertThat(stub.lookups.get()).isEqualTo(2);
        assertThat(count("STORED")).isEqualTo(2);
        assertThat((String) row("dd-test-1").get("LAST_ANSWER")).isEqualTo("existing-puid: found");
    }

    @Test
    void whenExistingPuidSaysNoTheStatementIsResent() {
        queue(1);
        stub.mode = StatementSenderStub.Mode.FAIL_503;
        StatementSender sender = sender(Duration.ofSeconds(5));
        sender.sendOnce();
        assertThat(row("dd-test-1").get("STATE")).isEqualTo("QUEUED");

        clock.advance(Duration.ofSeconds(61));
        stub.mode = StatementSenderStub.Mode.CREATED;
        sender.sendOnce();
        assertThat(stub.lookups.get()).isEqualTo(1);
        assertThat(stub.batches).hasSize(2);
        assertThat(stub.batches.get(1)).containsExactly("dd-test-1");
        assertThat(row("dd-test-1").get("STATE")).isEqualTo("STORED");
    }

    @Test
    void theBackOffGrowsAndIsCapped() {
        queue(1);
        stub.mode = StatementSenderStub.Mode.FAIL_503;
        StatementSender sender = sender(Duration.ofSeconds(5));
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sender.sendOnce();
            Instant next = ((java.time.OffsetDateTime) row("dd-test-1").get("NEXT_ATTEMPT_AT")).toInstant();
            waits.add(Duration.between(clock.instant(), next));
            clock.set(next);
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(10));
        assertThat(row("dd-test-1").get("ATTEMPTS")).isEqualTo(6);
        assertThat((String) row("dd-test-1").get("LAST_ANSWER")).startsWith("503");
    }

    @Test
    void theTokenIsNotInTheSettingsText() {
        StatementSenderProperties settings = new StatementSenderProperties(true, "http://127.0.0.1:1", "secret-xyz",
                100, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(settings.toString()).doesNotContain("secret-xyz");
    }
}
