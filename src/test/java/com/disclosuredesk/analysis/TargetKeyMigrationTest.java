package com.disclosuredesk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V10 fills the key of targets stored before it, as the application computes it for new ones. */
class TargetKeyMigrationTest {

    @Test
    void existingTargetsGetTheKeyTheApplicationWouldGiveThem() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dd-target-key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        flyway(ds, MigrationVersion.fromVersion("9")).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        var now = Instant.parse("2026-11-22T10:00:00Z").atOffset(ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO dd_legal_order (tracking_number, authority_key, reference, submitted_by, channel, order_type,
                    authority_name, authority_country, issuer_type, issuer_name, issued_on, offence, suspect_confirmed,
                    emergency, data_categories, period_from, period_to, payload_sha256, status, received_at, updated_at)
                VALUES ('LO-2026-000001', 'DE:staatsanwaltschaft berlin', 'AZ-1', 'police-de', 'API', 'COURT_ORDER',
                    'Staatsanwaltschaft Berlin', 'DE', 'COURT', 'Amtsgericht Tiergarten', ?, 'FRAUD', TRUE, FALSE,
                    'IP_ADDRESS', ?, ?, ?, 'IN_LEGAL_ANALYSIS', ?, ?)""",
                LocalDate.of(2026, 11, 20), now, now, "a".repeat(64), now, now);
        // as intake stores them (E.164, @username as written, digits), and a few written otherwise
        List<Target> targets = List.of(new Target(TargetType.USERNAME, "@Example_User"),
                new Target(TargetType.PHONE, "+4915112345678"), new Target(TargetType.ACCOUNT_ID, "100002"),
                new Target(TargetType.PHONE, "+49 151 1234-5678"), new Target(TargetType.PHONE, "0049 (0)151 12345678"),
                new Target(TargetType.PHONE, "+49.151/123.456.78"), new Target(TargetType.USERNAME, " example_user "));
        for (int i = 0; i < targets.size(); i++) {
            jdbc.update("INSERT INTO dd_order_target (tracking_number, position, target_type, target_value) VALUES (?, ?, ?, ?)",
                    "LO-2026-000001", i, targets.get(i).type().name(), targets.get(i).value());
        }

        flyway(ds, MigrationVersion.LATEST).migrate();

        assertThat(jdbc.queryForList("SELECT target_key FROM dd_order_target ORDER BY position", String.class))
                .containsExactlyElementsOf(targets.stream().map(Target::key).toList())
                .containsExactly("USERNAME:example_user", "PHONE:+4915112345678", "ACCOUNT_ID:100002",
                        "PHONE:+4915112345678", "PHONE:+4915112345678", "PHONE:+4915112345678", "USERNAME:example_user");
    }

    private static Flyway flyway(JdbcDataSource ds, MigrationVersion target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("dd_schema_history")
                .target(target).load();
    }
}
