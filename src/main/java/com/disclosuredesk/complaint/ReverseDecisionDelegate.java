package com.disclosuredesk.complaint;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.DecisionOutcomes;
import com.disclosuredesk.moderation.ModerationDecisions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReverseDecision (asynchronous, retried): the complaint on record (cr_complaint, REVERSED) overturned the
 * decision it was about. A removal or restriction is undone and replaced by a REVERSAL decision with a new statement
 * of reasons ({@link DecisionOutcomes#reverse}); its complaint window starts anew. A decision to take no action that
 * is reversed sends the content back to triage and review: reviewAgain, and the next review round.
 */
@Component
public class ReverseDecisionDelegate implements JavaDelegate {

    private final ComplaintDecisions complaints;
    private final DecisionOutcomes outcomes;
    private final Clock clock;

    public ReverseDecisionDelegate(ComplaintDecisions complaints, DecisionOutcomes outcomes, Clock clock) {
        this.complaints = complaints;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContentReportVariables variables = ContentReportVariables.of(execution);
        String caseNumber = variables.caseNumber();
        ComplaintDecisions.Complaint complaint = complaints.get(variables.complaintId(), caseNumber);
        if (!"REVERSED".equals(complaint.status())) {
            throw new IllegalStateException("Complaint " + complaint.id() + " on case " + caseNumber + " is not reversed on record");
        }
        Optional<ModerationDecisions.Decision> reversal = outcomes.reverse(caseNumber, complaint.decisionId(),
                complaint.reasoning(), complaint.decidedBy());
        if (reversal.isPresent()) {
            variables.set(ContentReportVariables.DECISION_ID, reversal.get().id());
            variables.set(ContentReportVariables.DECIDED_BY, reversal.get().decidedBy());
            variables.set(ContentReportVariables.COMPLAINT_WINDOW_ENDS,
                    Date.from(outcomes.complaintWindowEnds(reversal.get().appliedAt() == null ? clock.instant() : reversal.get().appliedAt())));
            variables.set(ContentReportVariables.REVIEW_AGAIN, false);
        } else {
            variables.set(ContentReportVariables.REVIEW_AGAIN, true);
            variables.set(ContentReportVariables.REVIEW_ROUND, variables.reviewRound() + 1);
        }
    }
}
