package com.disclosuredesk.preservation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;


import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Preservation holds ({@code dd_preservation}): the record of each (digest, counts, hold) and, while held, the
 * encrypted snapshot. Apart from the disclosure tables: the disclosure expiry job never sees these rows.
 */
@Repository
public class PreservationRepository {

    private static final String COLUMNS = """
            tracking_number, order_type, categories, period_from, period_to, target_count, accounts_found, ip_entry_count,
            snapshot_sha256, preserved_at, held_until, extended, extended_at, deleted_at""";

    private final JdbcClient jdbc;

    public PreservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of {@code dd_preservation} without the snapshot itself. No personal data. */
    public record Row(PreservationRecord record, OrderType orderType, Set<DataCategory> categories, Instant periodFrom,
                      Instant periodTo, int ipEntryCount, Instant extendedAt) {}

    public void insert(Row row, byte[] encryptedSnapshot, String keyId) {
        PreservationRecord r = row.record();
        jdbc.sql("INSERT INTO dd_preservation (" + COLUMNS + ", snapshot_content, snapshot_key_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.trackingNumber(), row.orderType().name(), categoriesColumn(row.categories()), utc(row.periodFrom()),
                        utc(row.periodTo()), r.targetCount(), r.accountsFound(), row.ipEntryCount(), r.sha256(),
                        utc(r.preservedAt()), utc(r.heldUntil()), r.extended(), utc(row.extendedAt()), utc(r.deletedAt()),
                        encryptedSnapshot, keyId)
                .update();
    }

    public Optional<Row> find(String trackingNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dd_preservation WHERE tracking_number = ?")
                .param(trackingNumber)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /** The encrypted snapshot, while it is held (not deleted). */
    public Optional<byte[]> snapshot(String trackingNumber) {
        return jdbc.sql("SELECT snapshot_content FROM dd_preservation WHERE tracking_number = ? AND snapshot_content IS NOT NULL")
                .param(trackingNumber).query(byte[].class).optional();
    }

    /**
     * Extends the hold to {@code heldUntil}, once: only a held snapshot that was never extended is changed, so that
     * of two concurrent extensions one wins. Whether this call extended it.
     */
    public boolean markExtended(String trackingNumber, Instant heldUntil, Instant now) {
        return jdbc.sql("""
                UPDATE dd_preservation SET held_until = ?, extended = TRUE, extended_at = ?
                WHERE tracking_number = ? AND extended = FALSE AND deleted_at IS NULL
                """)
                .params(utc(heldUntil), utc(now), trackingNumber).update() == 1;
    }

    /** Deletes the snapshot; the record with its digest stays. Whether this call deleted it. */
    public boolean deleteSnapshot(String trackingNumber, Instant now) {
        return jdbc.sql("""
                UPDATE dd_preservation SET snapshot_content = NULL, deleted_at = ?
                WHERE tracking_number = ? AND deleted_at IS NULL
                """)
                .params(utc(now), trackingNumber).update() == 1;
    }

    private static Row map(ResultSet rs) throws SQLException {
        PreservationRecord record = new PreservationRecord(rs.getString("tracking_number"), rs.getString("snapshot_sha256"),
                rs.getInt("target_count"), rs.getInt("accounts_found"), instant(rs, "preserved_at"), instant(rs, "held_until"),
                rs.getBoolean("extended"), instant(rs, "deleted_at"));
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(rs.getString("categories").split(",")).filter(s -> !s.isBlank()).map(DataCategory::valueOf)
                .forEach(categories::add);
        return new Row(record, OrderType.valueOf(rs.getString("order_type")), Set.copyOf(categories),
                instant(rs, "period_from"), instant(rs, "period_to"), rs.getInt("ip_entry_count"), instant(rs, "extended_at"));
    }

    private static String categoriesColumn(Set<DataCategory> categories) {
        return String.join(",", categories.stream().map(Enum::name).sorted().toList());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
