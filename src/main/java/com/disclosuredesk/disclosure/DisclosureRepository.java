package com.disclosuredesk.disclosure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Disclosure records: what was handed over (the package) and the proof of it (digest, counts, who decided). */
@Repository
public class DisclosureRepository {

    private final JdbcClient jdbc;

    public DisclosureRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public record Record(String id, String trackingNumber, Instant createdAt, String categories, int targetCount,
                         int targetsWithData, int ipEntryCount, String sha256, String analysedBy, String approvedBy) {}

    public void insert(Record record, byte[] content) {
        jdbc.sql("""
                INSERT INTO dd_disclosure (id, tracking_number, created_at, categories, target_count, targets_with_data,
                    ip_entry_count, package_sha256, package_content, analysed_by, approved_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(record.id(), record.trackingNumber(), record.createdAt().atOffset(ZoneOffset.UTC), record.categories(),
                        record.targetCount(), record.targetsWithData(), record.ipEntryCount(), record.sha256(), content,
                        record.analysedBy(), record.approvedBy())
                .update();
    }

    public Optional<Record> findByOrder(String trackingNumber) {
        return jdbc.sql("""
                SELECT id, tracking_number, created_at, categories, target_count, targets_with_data, ip_entry_count,
                    package_sha256, analysed_by, approved_by FROM dd_disclosure WHERE tracking_number = ?
                """)
                .param(trackingNumber)
                .query((rs, i) -> new Record(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .optional();
    }

    public Optional<byte[]> content(String trackingNumber) {
        return jdbc.sql("SELECT package_content FROM dd_disclosure WHERE tracking_number = ?")
                .param(trackingNumber).query(byte[].class).optional();
    }
}
