package com.disclosuredesk.subscribers;

import com.disclosuredesk.order.PhoneNumbers;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default {@link SubscriberDirectory}: the {@code sub_*} tables in the application's own
 * database (see {@code V2__subscriber_directory.sql}).
 *
 * <p>Each lookup is one indexed query to resolve the account (with its username during the period)
 * and, only if {@code IP_ADDRESS} is approved, one indexed range query for its IP log entries.
 *
 * <p>Switched off by {@code disclosure-desk.subscribers.directory} set to anything other than
 * {@code jdbc}, for a production adapter to take its place.
 */
@Component
@ConditionalOnProperty(name = "disclosure-desk.subscribers.directory", havingValue = "jdbc", matchIfMissing = true)
public class JdbcSubscriberDirectory implements SubscriberDirectory {

    /** The latest username of the account whose validity overlaps the period (correlated, by index). */
    private static final String PERIOD_USERNAME = """
            (SELECT h.username FROM sub_username_history h
              WHERE h.account_id = a.id AND h.valid_from < :periodTo
                AND (h.valid_to IS NULL OR h.valid_to > :periodFrom)
              ORDER BY h.valid_from DESC
              FETCH FIRST 1 ROW ONLY) AS period_username""";

    private static final String BY_ID = "SELECT a.id, a.username, a.phone_e164, " + PERIOD_USERNAME + """

            FROM sub_account a
            WHERE a.id = :accountId""";

    /** Phone numbers are unique per account in practice; should two accounts share one, the oldest account is taken. */
    private static final String BY_PHONE = "SELECT a.id, a.username, a.phone_e164, " + PERIOD_USERNAME + """

            FROM sub_account a
            WHERE a.phone_e164 = :phone
            ORDER BY a.id
            FETCH FIRST 1 ROW ONLY""";

    /**
     * The account that held the username during the period: either by the username history (a validity
     * overlapping the period), or as its current username, held since the account's creation unless the
     * history records when the account took it. If the username changed hands within the period, the
     * account that took it last wins.
     */
    private static final String BY_USERNAME = """
            SELECT a.id, a.username, a.phone_e164, NULL AS period_username
            FROM sub_account a
            JOIN (
                SELECT h.account_id AS account_id, h.valid_from AS since
                FROM sub_username_history h
                WHERE h.username = :username AND h.valid_from < :periodTo
                  AND (h.valid_to IS NULL OR h.valid_to > :periodFrom)
                UNION ALL
                SELECT c.id AS account_id, c.created_at AS since
                FROM sub_account c
                WHERE c.username = :username AND c.created_at < :periodTo
                  AND NOT EXISTS (SELECT 1 FROM sub_username_history x
                                  WHERE x.username = c.username AND x.account_id = c.id)
            ) m ON m.account_id = a.id
            ORDER BY m.since DESC, a.id
            FETCH FIRST 1 ROW ONLY""";

    private static final String IP_ENTRIES = """
            SELECT ip_address, port, seen_at
            FROM sub_ip_log
            WHERE account_id = :accountId AND seen_at >= :periodFrom AND seen_at < :periodTo
            ORDER BY seen_at, id""";

    private final JdbcClient jdbc;

    public JdbcSubscriberDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TargetData lookup(Target target, Instant periodFrom, Instant periodTo, Set<DataCategory> categories) {
        if (target == null || target.type() == null) {
            throw new IllegalArgumentException("target is missing");
        }
        if (periodFrom == null || periodTo == null) {
            throw new IllegalArgumentException("period is missing");
        }
        if (!periodFrom.isBefore(periodTo)) {
            throw new IllegalArgumentException("period is empty: its start must be before its end");
        }
        if (categories == null) {
            throw new IllegalArgumentException("categories are missing");
        }
        OffsetDateTime from = utc(periodFrom);
        OffsetDateTime to = utc(periodTo);

        Optional<AccountRow> account = switch (target.type()) {
            case ACCOUNT_ID -> parseAccountId(target.value()).flatMap(id -> jdbc.sql(BY_ID)
                    .param("accountId", id).param("periodFrom", from).param("periodTo", to)
                    .query(JdbcSubscriberDirectory::accountRow).optional());
            case PHONE -> PhoneNumbers.tryNormalizeE164(target.value()).flatMap(phone -> jdbc.sql(BY_PHONE)
                    .param("phone", phone).param("periodFrom", from).param("periodTo", to)
                    .query(JdbcSubscriberDirectory::accountRow).optional());
            case USERNAME -> normalizeUsername(target.value()).flatMap(username -> jdbc.sql(BY_USERNAME)
                    .param("username", username).param("periodFrom", from).param("periodTo", to)
                    .query(JdbcSubscriberDirectory::accountRow).optional()
                    .map(row -> row.withPeriodUsername(username)));
        };
        if (account.isEmpty()) {
            return TargetData.noData();
        }
        AccountRow row = account.get();
        String phone = categories.contains(DataCategory.PHONE_NUMBER) ? row.phone() : null;
        List<TargetData.IpEntry> ipEntries = categories.contains(DataCategory.IP_ADDRESS)
                ? jdbc.sql(IP_ENTRIES).param("accountId", row.id()).param("periodFrom", from).param("periodTo", to)
                        .query(JdbcSubscriberDirectory::ipEntry).list()
                : List.of();
        String username = row.periodUsername() != null ? row.periodUsername() : row.currentUsername();
        return TargetData.of(row.id(), username, phone, ipEntries);
    }

    /** Usernames are kept in canonical form: leading {@code @}, lower case. */
    static Optional<String> normalizeUsername(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.strip().toLowerCase(Locale.ROOT);
        if (!s.startsWith("@")) {
            s = "@" + s;
        }
        return s.length() > 1 && s.length() <= 64 ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Long> parseAccountId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AccountRow accountRow(ResultSet rs, int rowNum) throws SQLException {
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("phone_e164"),
                rs.getString("period_username"));
    }

    private static TargetData.IpEntry ipEntry(ResultSet rs, int rowNum) throws SQLException {
        int port = rs.getInt("port");
        Integer portOrNull = rs.wasNull() ? null : port;
        return new TargetData.IpEntry(rs.getString("ip_address"), portOrNull,
                rs.getObject("seen_at", OffsetDateTime.class).toInstant());
    }

    private record AccountRow(long id, String currentUsername, String phone, String periodUsername) {

        AccountRow withPeriodUsername(String username) {
            return new AccountRow(id, currentUsername, phone, username);
        }

        @Override
        public String toString() {
            return "AccountRow[id=" + id + "]";
        }
    }
}
