package com.disclosuredesk.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default demo directory (5,000 accounts, default seed) is a published fixture: examples, tests and
 * documentation name its accounts. This pins its exact content, so that changes to the generator (such
 * as the large-scale options) cannot silently change it.
 */
class DemoSubscriberFingerprintTest {

    /** SHA-256 over every row of the 5,000-account demo directory at {@link SubscriberTestDatabase#ANCHOR}. */
    private static final String DEMO_5000_SHA256 = "267ac0c7506848e78cb5b90bb5cf468543d10990bd1694e89249b91d8f2ac3af";

    @Test
    void theDefaultDemoDirectoryIsExactlyTheSameAsBefore() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(SubscriberTestDatabase.demo());

        String digest = fingerprint(jdbc);

        assertThat(digest).isEqualTo(DEMO_5000_SHA256);
    }

    static String fingerprint(JdbcTemplate jdbc) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String query : List.of(
                "SELECT id, username, phone_e164, created_at FROM sub_account ORDER BY id",
                "SELECT id, account_id, username, valid_from, valid_to FROM sub_username_history ORDER BY id",
                "SELECT id, account_id, model, app_version, first_seen, last_seen FROM sub_device ORDER BY id",
                "SELECT id, account_id, ip_address, port, seen_at FROM sub_ip_log ORDER BY id")) {
            sha.update(query.getBytes(StandardCharsets.UTF_8));
            jdbc.query(query, (ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder line = new StringBuilder(128);
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    line.append(text(rs.getObject(c))).append('|');
                }
                line.append('\n');
                sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The same text on H2 (OffsetDateTime) and PostgreSQL (Timestamp). */
    private static String text(Object value) throws SQLException {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant().toString();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        return value instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(value);
    }
}
