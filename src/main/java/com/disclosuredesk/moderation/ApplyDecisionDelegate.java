package com.disclosuredesk.moderation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyDecision (asynchronous, retried): the decision on record (cr_decision, by the decisionId the review's
 * listener set; never the review's outputs again) is applied and told to the uploader and the notifiers
 * ({@link DecisionOutcomes#apply}); the complaint window opens (variable complaintWindowEnds, the timer's date).
 */
@Component
public class ApplyDecisionDelegate implements JavaDelegate {

    private final DecisionOutcomes outcomes;

    public ApplyDecisionDelegate(DecisionOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContentReportVariables variables = ContentReportVariables.of(execution);
        Long decisionId = variables.decisionId();
        if (decisionId == null) {
            throw new IllegalStateException("Case " + variables.caseNumber() + " has no decision on record to apply");
        }
        variables.set(ContentReportVariables.COMPLAINT_WINDOW_ENDS,
                Date.from(outcomes.apply(variables.caseNumber(), decisionId)));
    }
}
