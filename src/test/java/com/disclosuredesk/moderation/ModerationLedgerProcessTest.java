package com.disclosuredesk.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.List;
import java.util.Map;

import com.disclosuredesk.transparency.ModerationLedgerEntry;
import com.disclosuredesk.transparency.TransparencyLedger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One ledger (issue 17), through the real process: the decision applied, the complaint's outcome and the reversal
 * each append one entry to the transparency ledger in their step, in that order, once (a retried step appends
 * nothing), without personal data; and the whole chain verifies.
 */
class ModerationLedgerProcessTest extends ContentReportProcessTestSupport {

    @Autowired TransparencyLedger ledger;
    @Autowired DecisionOutcomes outcomes;

    @Test
    void theDecisionTheComplaintOutcomeAndTheReversalAreEachAppendedOnce() {
        Case c = newCase("SCAMS_AND_FRAUD", null, "DE", 2, false, false);
        long before = ledger.head().seq();
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", false);
        long removal = cases.get(c.caseNumber()).decisionId();

        ModerationLedgerEntry decided = ledger.findModeration("decision:" + removal).orElseThrow();
        assertThat(decided.seq()).isEqualTo(before + 1);
        assertThat(decided).extracting(ModerationLedgerEntry::entryKind, ModerationLedgerEntry::caseNumber,
                        ModerationLedgerEntry::decisionKind, ModerationLedgerEntry::decision, ModerationLedgerEntry::ground,
                        ModerationLedgerEntry::country)
                .containsExactly("MODERATION_DECISION", c.caseNumber(), "REVIEW", "REMOVE", "ILLEGAL_CONTENT", "DE");

        // the step again, as a retry after its work was committed would run it: nothing appended
        outcomes.apply(c.caseNumber(), removal);
        assertThat(ledger.head().seq()).isEqualTo(decided.seq());

        long complaint = complain(c, "UPLOADER", null);
        answerComplaint(c.pi(), "moderator2", "REVERSE");
        ModerationLedgerEntry outcome = ledger.findModeration("complaint:" + complaint).orElseThrow();
        assertThat(outcome).extracting(ModerationLedgerEntry::entryKind, ModerationLedgerEntry::decision,
                        ModerationLedgerEntry::complaintOutcome)
                .containsExactly("COMPLAINT_OUTCOME", "REMOVE", "REVERSED");
        execute(job(c.pi()));
        long reversal = cases.get(c.caseNumber()).decisionId();
        ModerationLedgerEntry reversed = ledger.findModeration("decision:" + reversal).orElseThrow();
        assertThat(reversed).extracting(ModerationLedgerEntry::decisionKind, ModerationLedgerEntry::decision)
                .containsExactly("REVERSAL", "NO_ACTION");
        assertThat(List.of(decided.seq(), outcome.seq(), reversed.seq())).isSorted().doesNotHaveDuplicates();

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM dd_ledger_moderation_entry WHERE case_number = ?")
                .param(c.caseNumber()).query().listOfRows();
        assertThat(rows).hasSize(3);
        for (Map<String, Object> row : rows) {
            assertThat(row.values().toString()).doesNotContain(EXPLANATION, REASONING, "263", "moderator", c.subjectKey());
            // no column that could hold the uploader's account, a notifier or a complainant
            assertThat(row.keySet()).noneMatch(column -> column.contains("ACCOUNT") || column.contains("NOTIFIER")
                    || column.contains("OWNER") || column.contains("GATEWAY") || column.contains("SUBJECT"));
        }
        TransparencyLedger.Verification verification = ledger.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(ledger.head().seq());
    }
}
