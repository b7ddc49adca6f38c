package com.disclosuredesk.notice;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row per normalised subject ({@code cr_subject}): the case that notices about it join now. Intake locks the row
 * ({@code SELECT ... FOR UPDATE}) for the whole notice, so that concurrent notices about one subject queue and make one
 * case. The row is created race-free before: inserted in a transaction of its own, a duplicate (another request
 * created it a moment ago) ignored. That insert runs before intake's transaction begins, so that a request never holds
 * two connections (twenty requests at once would otherwise exhaust the pool).
 */
@Repository
public class SubjectRows {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public SubjectRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes sure the subject has its row (committed at once); a concurrent creation is fine. */
    public void ensure(String subjectKey) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM cr_subject WHERE subject_key = ?").param(subjectKey)
                .query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO cr_subject (subject_key) VALUES (?)")
                    .param(subjectKey).update());
        } catch (DuplicateKeyException createdMeanwhile) {
            // another notice about the subject created the row first: it exists now, which is all we need
        }
    }

    /** Locks the subject's row until the transaction ends and answers its current case (if any). */
    public Optional<String> lockCurrentCase(String subjectKey) {
        return jdbc.sql("SELECT current_case FROM cr_subject WHERE subject_key = ? FOR UPDATE").param(subjectKey)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional()
                .orElseThrow(() -> new IllegalStateException("cr_subject row missing for a subject (ensure() first)"));
    }

    public void setCurrentCase(String subjectKey, String caseNumber) {
        jdbc.sql("UPDATE cr_subject SET current_case = ? WHERE subject_key = ?").params(caseNumber, subjectKey).update();
    }
}
