package com.disclosuredesk.support;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the content-report tables written directly, at given times, for the tests of the moderation figures and
 * their rollups: cases, notices, decisions, complaints, Art. 23 measures and referrals, with the least the tables
 * require. Ids count up from {@code firstId}; {@code tag} is the notices' and complaints' gateway and the prefix of
 * the measures' parties, so that a test sharing its database can find (and remove) its own rows.
 */
public final class ModerationRows {

    private final JdbcClient jdbc;
    private final String tag;
    private long ids;

    public ModerationRows(JdbcClient jdbc, long firstId, String tag) {
        this.jdbc = jdbc;
        this.ids = firstId - 1;
        this.tag = tag;
    }

    public void kase(String caseNumber, String category, OffsetDateTime createdAt) {
        jdbc.sql("""
                INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, category, status,
                    notice_count, trusted_notice_count, created_at, version)
                VALUES (?, ?, 'CHANNEL', ?, ?, 'DECIDED', 1, 0, ?, 0)
                """).params(caseNumber, "CHANNEL:" + caseNumber, caseNumber, category, createdAt).update();
    }

    public void notice(String caseNumber, String source, String category, OffsetDateTime receivedAt) {
        long id = ++ids;
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key,
                    category, anonymous, explanation_sealed, submission_sha256, received_at, disposition)
                VALUES (?, ?, ?, ?, ?, 'CHANNEL', ?, ?, FALSE, ?, 'x', ?, 'STARTED')
                """).params(id, tag, "n" + id, source, caseNumber, "CHANNEL:" + caseNumber, category, new byte[] {1},
                receivedAt).update();
    }

    /** A decision of {@code kind} (REVIEW, or REVERSAL of {@code reverses}); returns its id. */
    public long decision(String caseNumber, String kind, String decision, String ground, OffsetDateTime decidedAt,
                         Long reverses) {
        long id = ++ids;
        jdbc.sql("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life, decided_by,
                    decided_at, reverses_id)
                VALUES (?, ?, ?, ?, ?, 'x', FALSE, 'mod', ?, ?)
                """).params(id, caseNumber, kind, decision, ground, decidedAt, reverses).update();
        return id;
    }

    public void complaint(String caseNumber, long decisionId, OffsetDateTime receivedAt, String status,
                          OffsetDateTime decidedAt) {
        jdbc.sql("""
                INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed, received_at,
                    status, decided_at)
                VALUES (?, ?, 'UPLOADER', ?, ?, ?, ?, ?, ?)
                """).params(++ids, caseNumber, decisionId, tag, new byte[] {1}, receivedAt, status, decidedAt).update();
    }

    public void measure(String partyKind, String measure, OffsetDateTime createdAt) {
        long id = ++ids;
        jdbc.sql("""
                INSERT INTO cr_misuse_measure (id, party_kind, party_ref, measure, basis, created_at)
                VALUES (?, ?, ?, ?, '7 of 9', ?)
                """).params(id, partyKind, tag + "-" + id, measure, createdAt).update();
    }

    public void referral(String caseNumber, long decisionId, String country, OffsetDateTime createdAt) {
        jdbc.sql("""
                INSERT INTO cr_referral (id, case_number, decision_id, country, authority, created_at)
                VALUES (?, ?, ?, ?, 'authority', ?)
                """).params(++ids, caseNumber, decisionId, country, createdAt).update();
    }
}
