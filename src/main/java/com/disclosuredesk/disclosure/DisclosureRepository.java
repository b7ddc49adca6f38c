package com.disclosuredesk.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.order.DataCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Disclosure records: what was handed over (the encrypted package, until it expires) and the proof of it
 * (digest, counts, who analysed and approved, when), plus every download.
 */
@Repository
public class DisclosureRepository {

    private final JdbcClient jdbc;
    private final Sequences sequences;

    public DisclosureRepository(JdbcClient jdbc, Sequences sequences) {
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    /** The proof of a disclosure. No personal data. */
    public record Record(String id, String trackingNumber, Instant createdAt, String categories, int targetCount,
                         int targetsWithData, int ipEntryCount, String sha256, String analysedBy, String approvedBy,
                         Instant approvedAt, Instant expiresAt, Instant packageDeletedAt) {}

    public record Download(String downloadedBy, Instant downloadedAt, String sha256) {}

    public void insert(Record record, byte[] encryptedContent, String keyId) {
        jdbc.sql("""
                INSERT INTO dd_disclosure (id, tracking_number, created_at, categories, target_count, targets_with_data,
                    ip_entry_count, package_sha256, package_content, analysed_by, approved_by, package_key_id, approved_at,
                    expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(record.id(), record.trackingNumber(), utc(record.createdAt()), record.categories(),
                        record.targetCount(), record.targetsWithData(), record.ipEntryCount(), record.sha256(), encryptedContent,
                        record.analysedBy(), record.approvedBy(), keyId, utc(record.approvedAt()), utc(record.expiresAt()))
                .update();
    }

    public Optional<Record> findByOrder(String trackingNumber) {
        return jdbc.sql("""
                SELECT id, tracking_number, created_at, categories, target_count, targets_with_data, ip_entry_count,
                    package_sha256, analysed_by, approved_by, approved_at, expires_at, package_deleted_at
                FROM dd_disclosure WHERE tracking_number = ?
                """)
                .param(trackingNumber)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /**
     * Records the accounts whose data a disclosure contained, with the categories actually disclosed of each (the
     * platform's internal account references only, never a phone number or address): whom to notify once no
     * non-disclosure order forbids it, long after the package itself has expired.
     */
    public void recordAccounts(String trackingNumber, Map<Long, Set<DataCategory>> accounts) {
        accounts.forEach((accountId, categories) -> jdbc.sql(
                        "INSERT INTO dd_disclosed_account (tracking_number, account_id, categories) VALUES (?, ?, ?)")
                .params(trackingNumber, accountId, categories.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .update());
    }

    /** An account whose data a disclosure contained, and which categories of it. */
    public record DisclosedAccount(long accountId, Set<DataCategory> categories) {}

    public List<DisclosedAccount> disclosedAccounts(String trackingNumber) {
        return jdbc.sql("SELECT account_id, categories FROM dd_disclosed_account WHERE tracking_number = ? ORDER BY account_id")
                .param(trackingNumber)
                .query((rs, i) -> new DisclosedAccount(rs.getLong(1), categories(rs.getString(2))))
                .list();
    }

    private static Set<DataCategory> categories(String column) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(DataCategory::valueOf).forEach(categories::add);
        return Collections.unmodifiableSet(categories);
    }

    /** The encrypted package, while it has not expired. */
    public Optional<byte[]> content(String trackingNumber) {
        return jdbc.sql("SELECT package_content FROM dd_disclosure WHERE tracking_number = ? AND package_content IS NOT NULL")
                .param(trackingNumber).query(byte[].class).optional();
    }

    public void recordDownload(String trackingNumber, String user, Instant at, String sha256) {
        jdbc.sql("INSERT INTO dd_disclosure_download (id, tracking_number, downloaded_by, downloaded_at, package_sha256) VALUES (?, ?, ?, ?, ?)")
                .params(sequences.next("dd_disclosure_download_seq"), trackingNumber, user, utc(at), sha256).update();
    }

    public List<Download> downloads(String trackingNumber) {
        return jdbc.sql("SELECT downloaded_by, downloaded_at, package_sha256 FROM dd_disclosure_download WHERE tracking_number = ? ORDER BY id")
                .param(trackingNumber)
                .query((rs, i) -> new Download(rs.getString(1), instant(rs, 2), rs.getString(3)))
                .list();
    }

    /** Orders whose package has expired but is still stored. */
    public List<String> expired(Instant now) {
        return jdbc.sql("SELECT tracking_number FROM dd_disclosure WHERE expires_at <= ? AND package_content IS NOT NULL ORDER BY expires_at")
                .param(utc(now)).query(String.class).list();
    }

    /** Deletes the package of one order; the record with its digest stays. */
    public boolean deletePackage(String trackingNumber, Instant now) {
        return jdbc.sql("UPDATE dd_disclosure SET package_content = NULL, package_deleted_at = ? WHERE tracking_number = ? AND package_content IS NOT NULL")
                .params(utc(now), trackingNumber).update() == 1;
    }

    private static Record map(ResultSet rs) throws SQLException {
        return new Record(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11), instant(rs, 12),
                instant(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
