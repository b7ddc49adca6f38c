package com.disclosuredesk.misuse;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.disclosuredesk.common.Sequences;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the other parts of content-report (cases, notices, decisions, complaints), written directly as intake, review
 * and complaints would write them, so that the misuse check can be driven on its own.
 */
final class MisuseFixture {

    private static final AtomicLong CASES = new AtomicLong(System.nanoTime() % 100_000);

    private final JdbcClient jdbc;
    private final Sequences sequences;

    MisuseFixture(JdbcClient jdbc, Sequences sequences) {
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    /** A case about content of {@code owner} (may be null), opened at {@code opened}. */
    String openCase(Long owner, Instant opened) {
        String caseNumber = "CR-T-" + CASES.incrementAndGet();
        jdbc.sql("""
                INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, owner_account_id, category,
                    status, notice_count, trusted_notice_count, created_at, version)
                VALUES (?, ?, 'CHANNEL', ?, ?, 'ILLEGAL_OR_HARMFUL_SPEECH', 'IN_REVIEW', 1, 0, ?, 0)
                """).params(caseNumber, "CHANNEL:t.me/" + caseNumber, "t.me/" + caseNumber, owner, utc(opened)).update();
        return caseNumber;
    }

    /** A notice of a notifier on a case. */
    long notice(String caseNumber, String gateway, String notifierRef, String sourceType, Instant received) {
        long id = sequences.next("cr_notice_seq");
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key, category,
                    notifier_ref, anonymous, explanation_sealed, submission_sha256, received_at, disposition)
                VALUES (?, ?, ?, ?, ?, 'CHANNEL', ?, 'ILLEGAL_OR_HARMFUL_SPEECH', ?, FALSE, ?, ?, ?, 'STARTED')
                """).params(id, gateway, "ext-" + id, sourceType, caseNumber, "CHANNEL:t.me/" + caseNumber, notifierRef,
                        new byte[] {1, 2, 3}, "0".repeat(64), utc(received)).update();
        return id;
    }

    /** A decision on a case, put in force. */
    long decide(String caseNumber, String kind, String decision, String ground, Instant decidedAt) {
        long id = sequences.next("cr_decision_seq");
        jdbc.sql("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, 'Explained to the parties.', FALSE, 'moderator', ?)
                """).params(id, caseNumber, kind, decision, ground, utc(decidedAt)).update();
        jdbc.sql("UPDATE cr_case SET decision_id = ?, decided_at = ?, status = 'DECIDED' WHERE case_number = ?")
                .params(id, utc(decidedAt), caseNumber).update();
        return id;
    }

    /** A case with one notice of the notifier, decided as given; returns the case number. */
    String noticeDecided(String gateway, String notifierRef, String decision, Instant received, Instant decided) {
        String caseNumber = openCase(null, received);
        notice(caseNumber, gateway, notifierRef, "SOURCE_ARTICLE_16", received);
        decide(caseNumber, "REVIEW", decision, "NO_ACTION".equals(decision) ? null : "ILLEGAL_CONTENT", decided);
        return caseNumber;
    }

    /** A case about the account's content, decided as given. */
    String contentDecided(long account, String decision, String ground, Instant opened, Instant decided) {
        String caseNumber = openCase(account, opened);
        notice(caseNumber, "report-bot", unique("u"), "SOURCE_ARTICLE_16", opened);
        decide(caseNumber, "REVIEW", decision, ground, decided);
        return caseNumber;
    }

    /** An answered complaint of the uploader of a case (status UPHELD or REVERSED). */
    long uploaderComplaint(String caseNumber, String status, Instant received, Instant answered) {
        long id = sequences.next("cr_complaint_seq");
        long decision = jdbc.sql("SELECT decision_id FROM cr_case WHERE case_number = ?").param(caseNumber).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed, received_at, status,
                    decided_by, decided_at) VALUES (?, ?, 'UPLOADER', ?, 'report-bot', ?, ?, ?, 'moderator2', ?)
                """).params(id, caseNumber, decision, new byte[] {1}, utc(received), status, utc(answered)).update();
        return id;
    }

    /** Moves a measure back in time (as if recorded then). */
    void backdate(long measureId, Instant at) {
        jdbc.sql("UPDATE cr_misuse_measure SET created_at = ? WHERE id = ?").params(utc(at), measureId).update();
    }
}
