package com.disclosuredesk.complaint;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.disclosuredesk.moderation.DecisionLedger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review side of complaints ({@code cr_complaint}, rows inserted by complaint intake): which complaint is under
 * review, the next one waiting, and the outcome a second moderator recorded (from the signed-in user). Never the
 * complaint's text: it stays sealed and is shown to the moderator as an image by the application.
 */
@Repository
public class ComplaintDecisions {

    /** A complaint as the review reads it. {@code complainant}: UPLOADER or NOTIFIER. */
    public record Complaint(long id, String caseNumber, String complainant, Long noticeId, long decisionId, String gateway,
                            Instant receivedAt, String status, String outcomeDecision, String reasoning, String decidedBy,
                            Instant decidedAt, String taskId) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DecisionLedger ledger;

    public ComplaintDecisions(JdbcClient jdbc, Clock clock, DecisionLedger ledger) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledger = ledger;
    }

    public Optional<Complaint> find(long id) {
        return jdbc.sql("""
                SELECT id, case_number, complainant, notice_id, decision_id, gateway, received_at, status, outcome_decision,
                    reasoning, decided_by, decided_at, task_id FROM cr_complaint WHERE id = ?
                """).param(id).query((rs, i) -> {
                    long notice = rs.getLong(4);
                    Long noticeId = rs.wasNull() ? null : notice;
                    return new Complaint(rs.getLong(1), rs.getString(2), rs.getString(3), noticeId, rs.getLong(5),
                            rs.getString(6), instant(rs, 7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), instant(rs, 12), rs.getString(13));
                }).optional();
    }

    /** The complaint under review on a case: it must belong to the case and be IN_REVIEW (or decided, on a retry). */
    public Complaint get(long id, String caseNumber) {
        Complaint complaint = find(id).orElseThrow(() -> new IllegalStateException("No complaint " + id));
        if (!complaint.caseNumber().equals(caseNumber)) {
            throw new IllegalStateException("Complaint " + id + " is not about case " + caseNumber);
        }
        return complaint;
    }

    /** The oldest complaint of the case still waiting (PENDING), if any. Call under the case's lock. */
    public Optional<Long> nextPending(String caseNumber) {
        return jdbc.sql("SELECT id FROM cr_complaint WHERE case_number = ? AND status = 'PENDING' ORDER BY id LIMIT 1")
                .param(caseNumber).query(Long.class).optional();
    }

    public void startReview(long id) {
        jdbc.sql("UPDATE cr_complaint SET status = 'IN_REVIEW' WHERE id = ? AND status = 'PENDING'").param(id).update();
    }

    /**
     * The second moderator's outcome: UPHELD or REVERSED, the reasoning, who and which task. Only a complaint under
     * review is decided, once: a concurrent completion loses as a lost race of the engine does (409).
     */
    public void decide(long id, String status, String outcomeDecision, String reasoning, String decidedBy, String taskId) {
        int updated = jdbc.sql("""
                UPDATE cr_complaint SET status = ?, outcome_decision = ?, reasoning = ?, decided_by = ?, decided_at = ?, task_id = ?
                WHERE id = ? AND status = 'IN_REVIEW'
                """).params(status, outcomeDecision, reasoning, decidedBy, utc(clock.instant()), taskId, id).update();
        if (updated != 1) {
            throw new OptimisticLockingException("Complaint " + id + " is not under review (decided concurrently?); reload it");
        }
        ledger.complaintDecided(id); // issue 17: the outcome is final here; one ledger (idempotent per complaint)
    }
}
