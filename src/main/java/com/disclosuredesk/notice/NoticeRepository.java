package com.disclosuredesk.notice;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notices as received ({@code cr_notice}), once per gateway and externalId (unique constraint
 * {@code cr_notice_once}). Names, emails, explanations and evidence texts are stored sealed ({@code moderation.NoticeSeal}).
 */
@Repository
public class NoticeRepository {

    /** A stored notice, without its sealed fields. */
    public record StoredNotice(long id, String gateway, String externalId, String sourceType, String caseNumber,
                               String subjectKey, String category, String specification, String notifierRef,
                               boolean anonymous, String submissionSha256, Instant receivedAt, Disposition disposition) {}

    /** A new notice row: the sealed values are sealed with the notice id as associated data. */
    public record NewNotice(long id, String gateway, String externalId, String sourceType, String caseNumber,
                            String subjectType, String subjectKey, String category, String specification, String country,
                            String notifierRef, boolean anonymous, byte[] notifierSealed, byte[] explanationSealed,
                            byte[] evidenceSealed, String mediaSha256, String submissionSha256, Instant receivedAt,
                            Disposition disposition) {}

    private static final String COLUMNS = """
            id, gateway, external_id, source_type, case_number, subject_key, category, specification, notifier_ref,
            anonymous, submission_sha256, received_at, disposition""";

    private final JdbcClient jdbc;

    public NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewNotice n) {
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key, category,
                    specification, country, notifier_ref, anonymous, notifier_sealed, explanation_sealed, evidence_sealed,
                    media_sha256, submission_sha256, received_at, disposition)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(n.id(), n.gateway(), n.externalId(), n.sourceType(), n.caseNumber(), n.subjectType(), n.subjectKey(),
                        n.category(), n.specification(), n.country(), n.notifierRef(), n.anonymous(), n.notifierSealed(),
                        n.explanationSealed(), n.evidenceSealed(), n.mediaSha256(), n.submissionSha256(),
                        utc(n.receivedAt()), n.disposition().name())
                .update();
    }

    public Optional<StoredNotice> find(String gateway, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_notice WHERE gateway = ? AND external_id = ?")
                .params(gateway, externalId).query((rs, i) -> read(rs)).optional();
    }

    public Optional<StoredNotice> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_notice WHERE id = ?").param(id).query((rs, i) -> read(rs)).optional();
    }

    /** The notices of a case that one gateway (or trusted flagger) submitted, in order. */
    public List<StoredNotice> ofCase(String caseNumber, String gateway) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_notice WHERE case_number = ? AND gateway = ? ORDER BY id")
                .params(caseNumber, gateway).query((rs, i) -> read(rs)).list();
    }

    public int countOfCase(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM cr_notice WHERE case_number = ?").param(caseNumber).query(Integer.class).single();
    }

    private static StoredNotice read(ResultSet rs) throws SQLException {
        return new StoredNotice(rs.getLong("id"), rs.getString("gateway"), rs.getString("external_id"),
                rs.getString("source_type"), rs.getString("case_number"), rs.getString("subject_key"),
                rs.getString("category"), rs.getString("specification"), rs.getString("notifier_ref"),
                rs.getBoolean("anonymous"), rs.getString("submission_sha256"), instant(rs, "received_at"),
                Disposition.valueOf(rs.getString("disposition")));
    }
}
