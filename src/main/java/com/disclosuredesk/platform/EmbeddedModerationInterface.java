package com.disclosuredesk.platform;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.common.SqlTimes;
import com.disclosuredesk.moderation.ModerationInterface;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default of the platform's moderation interface: records each action in {@code pc_action} and the
 * subject's state in {@code pc_content} (the blocked subject). Idempotent: the action of a decision has the
 * reference {@code <caseNumber>/<decisionId>}, so a retried step finds it instead of acting twice.
 */
@Component
public class EmbeddedModerationInterface implements ModerationInterface {

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final Clock clock;

    public EmbeddedModerationInterface(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
    }

    @Override
    public SubjectFacts facts(String subjectKey) {
        return jdbc.sql("SELECT owner_account_id, content_type, media_sha256, created_at FROM pc_content WHERE subject_key = ?")
                .param(subjectKey)
                .query((rs, i) -> {
                    long owner = rs.getLong(1);
                    return new SubjectFacts(rs.wasNull() ? null : owner, rs.getString(2), rs.getString(3),
                            SqlTimes.instant(rs, 4));
                }).optional().orElseGet(SubjectFacts::unknown);
    }

    @Override
    public String apply(String caseNumber, long decisionId, String subjectKey, String decision) {
        if (!"REMOVE".equals(decision) && !"RESTRICT".equals(decision)) {
            throw new IllegalArgumentException("Only REMOVE and RESTRICT are applied, not " + decision);
        }
        String reference = caseNumber + "/" + decisionId;
        if (exists(reference)) {
            return reference;
        }
        jdbc.sql("""
                INSERT INTO pc_action (id, reference, case_number, decision_id, action, subject_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(sequences.next("pc_action_seq"), reference, caseNumber, decisionId, decision, subjectKey,
                        utc(clock.instant())).update();
        jdbc.sql("UPDATE pc_content SET state = ? WHERE subject_key = ?")
                .params("REMOVE".equals(decision) ? "REMOVED" : "RESTRICTED", subjectKey).update();
        return reference;
    }

    @Override
    public void undo(String caseNumber, String actionReference) {
        String undo = actionReference + "/undo";
        if (exists(undo)) {
            return;
        }
        String subjectKey = jdbc.sql("SELECT subject_key FROM pc_action WHERE reference = ?").param(actionReference)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("No action " + actionReference + " to undo"));
        Instant now = clock.instant();
        jdbc.sql("UPDATE pc_action SET undone_at = ? WHERE reference = ?").params(utc(now), actionReference).update();
        jdbc.sql("""
                INSERT INTO pc_action (id, reference, case_number, action, subject_key, created_at)
                VALUES (?, ?, ?, 'UNDO', ?, ?)
                """).params(sequences.next("pc_action_seq"), undo, caseNumber, subjectKey, utc(now)).update();
        jdbc.sql("UPDATE pc_content SET state = 'VISIBLE' WHERE subject_key = ?").param(subjectKey).update();
    }

    @Override
    public String suspendAccount(long accountId, Instant until, long measureId) {
        String reference = "suspension/" + measureId;
        if (!exists(reference)) {
            jdbc.sql("""
                    INSERT INTO pc_action (id, reference, action, account_id, until_at, created_at)
                    VALUES (?, ?, 'SUSPEND_ACCOUNT', ?, ?, ?)
                    """).params(sequences.next("pc_action_seq"), reference, accountId, utc(until), utc(clock.instant()))
                    .update();
        }
        return reference;
    }

    @Override
    public Optional<String> accountKey(long accountId) {
        return jdbc.sql("SELECT username FROM sub_account WHERE id = ?").param(accountId).query(String.class).optional()
                .map(username -> "USERNAME:" + (username.startsWith("@") ? username.substring(1) : username));
    }

    private boolean exists(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM pc_action WHERE reference = ?").param(reference).query(Integer.class).single() > 0;
    }
}
