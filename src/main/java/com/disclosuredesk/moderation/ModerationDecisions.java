package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each decision on a content-report case ({@code cr_decision}): the moderator's review (kind REVIEW, recorded by
 * {@code ReviewContentTaskListener} from the signed-in user, one per task) and the reversal of a complaint (kind
 * REVERSAL). Append-only, except for when and how it was applied. These records, not process variables, say what
 * the outcome applies, tells the uploader and the notifiers, and refers to an authority (docs/moderation.md).
 */
@Repository
public class ModerationDecisions {

    /** REVIEW: Task_ReviewContent; REVERSAL: a complaint reversed the decision before ({@code reversesId}). */
    public enum Kind { REVIEW, REVERSAL }

    /** One decision as recorded. {@code ground} is null for NO_ACTION. */
    public record Decision(long id, String caseNumber, Kind kind, String decision, String ground, String groundReference,
                           String explanation, boolean threatToLife, String decidedBy, Instant decidedAt, String taskId,
                           Long reversesId, Instant appliedAt, String actionReference) {
        /** REMOVE or RESTRICT: the decision acts on the content. */
        public boolean acts() {
            return "REMOVE".equals(decision) || "RESTRICT".equals(decision);
        }
    }

    /** One earlier decision about an account's content, as the review form lists it. */
    public record AccountDecision(String caseNumber, Instant decidedAt, String decision, String ground) {}

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final Clock clock;

    public ModerationDecisions(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
    }

    /**
     * Records a decision. One decision per task: a concurrent completion of the same task loses as the engine's own
     * lost race does (409 on the engine APIs), and its transaction rolls back.
     */
    public Decision record(String caseNumber, Kind kind, String decision, String ground, String groundReference,
                           String explanation, boolean threatToLife, String decidedBy, String taskId, Long reversesId) {
        long id = sequences.next("cr_decision_seq");
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO cr_decision (id, case_number, kind, decision, ground, ground_reference, explanation,
                        threat_to_life, decided_by, decided_at, task_id, reverses_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(id, caseNumber, kind.name(), decision, ground, groundReference, explanation == null ? "" : explanation,
                            threatToLife, decidedBy, utc(now), taskId, reversesId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new OptimisticLockingException("Task " + taskId + " was decided by a concurrent request; reload it");
        }
        return new Decision(id, caseNumber, kind, decision, ground, groundReference, explanation == null ? "" : explanation,
                threatToLife, decidedBy, now, taskId, reversesId, null, null);
    }

    public Optional<Decision> find(long id) {
        return jdbc.sql("SELECT * FROM cr_decision WHERE id = ?").param(id).query(ModerationDecisions::read).optional();
    }

    public Decision get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No decision " + id));
    }

    /** Every decision of a case, oldest first. */
    public List<Decision> ofCase(String caseNumber) {
        return jdbc.sql("SELECT * FROM cr_decision WHERE case_number = ? ORDER BY id").param(caseNumber)
                .query(ModerationDecisions::read).list();
    }

    /** The reversal of a decision, if one was recorded (a retried reversal finds it). */
    public Optional<Decision> reversalOf(long decisionId) {
        return jdbc.sql("SELECT * FROM cr_decision WHERE reverses_id = ? AND kind = 'REVERSAL'").param(decisionId)
                .query(ModerationDecisions::read).optional();
    }

    /** The decision was applied through the moderation interface: when, and the platform's reference. */
    public void applied(long id, Instant at, String actionReference) {
        jdbc.sql("UPDATE cr_decision SET applied_at = ?, action_reference = ? WHERE id = ?")
                .params(utc(at), actionReference, id).update();
    }

    /**
     * The decisions in force on other cases of the same account, newest first (at most {@code limit}): what the
     * review form shows as the account's history. Case numbers, dates, decisions and grounds only.
     */
    public List<AccountDecision> ofAccount(long ownerAccountId, String exceptCase, int limit) {
        return jdbc.sql("""
                SELECT c.case_number, d.decided_at, d.decision, d.ground
                FROM cr_case c JOIN cr_decision d ON d.id = c.decision_id
                WHERE c.owner_account_id = ? AND c.case_number <> ?
                ORDER BY d.decided_at DESC, d.id DESC LIMIT ?
                """)
                .params(ownerAccountId, exceptCase, limit)
                .query((rs, i) -> new AccountDecision(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static Decision read(ResultSet rs, int row) throws SQLException {
        long reverses = rs.getLong("reverses_id");
        Long reversesId = rs.wasNull() ? null : reverses;
        return new Decision(rs.getLong("id"), rs.getString("case_number"), Kind.valueOf(rs.getString("kind")),
                rs.getString("decision"), rs.getString("ground"), rs.getString("ground_reference"),
                rs.getString("explanation"), rs.getBoolean("threat_to_life"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("task_id"), reversesId, instant(rs, "applied_at"),
                rs.getString("action_reference"));
    }
}
