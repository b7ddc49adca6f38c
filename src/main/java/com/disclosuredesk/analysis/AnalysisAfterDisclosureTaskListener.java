package com.disclosuredesk.analysis;

import java.util.Set;

import com.disclosuredesk.process.FourEyesViolationException;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderDecisions.Decision;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.AnalysisDecision;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_AnalysisAfterDisclosure: an emergency disclosure was approved by an approver alone. An analyst, never that
 * approver, completes the legal analysis afterwards: DISCLOSE confirms the disclosure, REJECT disputes it. The order
 * is flagged for review either way.
 */
@Component
public class AnalysisAfterDisclosureTaskListener implements TaskListener {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String DISPUTED = "DISPUTED";

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderDecisions decisions;

    public AnalysisAfterDisclosureTaskListener(OrderRepository orders, OrderTimeline timeline, OrderDecisions decisions) {
        this.orders = orders;
        this.timeline = timeline;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalOrderVariables variables = LegalOrderVariables.of(task.getExecution());
        String trackingNumber = variables.trackingNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.getExecution().removeVariable(LegalOrderVariables.ANALYSIS_DECISION);
                variables.flagForReview();
                timeline.record(trackingNumber, TimelineStep.FLAGGED_FOR_REVIEW, null,
                        "Emergency disclosure approved alone: the legal analysis is completed afterwards and reviewed.");
            }
            case EVENTNAME_COMPLETE -> {
                String analyst = TaskActor.decider(task);
                orders.boundOrder(trackingNumber, task.getProcessInstanceId());
                // the approval alone on record: who approved it, and what was disclosed
                Decision approvedAlone = decisions.latest(trackingNumber, OrderDecisions.Step.EMERGENCY_APPROVAL)
                        .filter(d -> "APPROVE".equals(d.decision()))
                        .orElseThrow(() -> new IllegalStateException("Order " + trackingNumber + " has no approval alone on record"));
                if (analyst.equals(approvedAlone.decidedBy())) {
                    throw new FourEyesViolationException("Four-eyes rule: " + analyst + " approved this emergency disclosure alone"
                            + " and cannot complete its legal analysis. Another analyst must.");
                }
                AnalysisDecision decision = variables.analysisDecision();
                if (decision == AnalysisDecision.NEED_INFO) {
                    throw new InvalidTaskInputException(LegalOrderVariables.ANALYSIS_DECISION,
                            "must be DISCLOSE (the disclosure was lawful) or REJECT (it should not have been made): the data was already disclosed");
                }
                Set<DataCategory> disclosed = approvedAlone.categories();
                AnalysisRules.check(decision, variables.legalReasoning(), disclosed, disclosed, analyst);
                decisions.record(trackingNumber, OrderDecisions.Step.ANALYSIS_AFTER_DISCLOSURE, decision.name(), disclosed, analyst,
                        task.getId(), approvedAlone.id());
                variables.setAnalysedBy(analyst);
                String outcome = decision == AnalysisDecision.DISCLOSE ? CONFIRMED : DISPUTED;
                variables.setReviewOutcome(outcome);
                timeline.record(trackingNumber, TimelineStep.ANALYSED_AFTER_DISCLOSURE, analyst, "The legal analysis after the emergency disclosure "
                        + (outcome.equals(CONFIRMED) ? "confirms it." : "disputes it; the disclosure is flagged for review."));
            }
            default -> { }
        }
    }
}
