package com.disclosuredesk.approval;

import java.time.Clock;
import java.util.Date;
import java.util.Set;

import com.disclosuredesk.analysis.AnalysisRules;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.AnalysisDecision;
import com.disclosuredesk.process.DeadlinePolicy;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveEmergencyAlone: the clock of an emergency is nearly out and the analysis is not done. An approver may
 * approve the disclosure alone (categories and a justification required); the legal analysis is then completed
 * after the disclosure and flagged for review. Or the approver leaves the decision to the analysis.
 */
@Component
public class EmergencyApprovalTaskListener implements TaskListener {

    public static final String APPROVE = "APPROVE";
    public static final String LEAVE_TO_ANALYSIS = "LEAVE_TO_ANALYSIS";

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final DeadlinePolicy deadlines;
    private final OrderDecisions decisions;
    private final Clock clock;

    public EmergencyApprovalTaskListener(OrderRepository orders, OrderTimeline timeline, DeadlinePolicy deadlines,
                                         OrderDecisions decisions, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalOrderVariables variables = LegalOrderVariables.of(task.getExecution());
        String trackingNumber = variables.trackingNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.getExecution().removeVariable(LegalOrderVariables.EMERGENCY_APPROVAL);
            case EVENTNAME_COMPLETE -> {
                String approver = TaskActor.decider(task);
                orders.boundOrder(trackingNumber, task.getProcessInstanceId());
                String decision = variables.emergencyApproval();
                if (APPROVE.equals(decision)) {
                    // the approver carries the analysis' duties: categories within the order and the policy, reasons
                    Set<DataCategory> approved = AnalysisRules.check(AnalysisDecision.DISCLOSE, variables.approvalComment(),
                            variables.approvedCategories(), orders.get(trackingNumber).dataCategories(), approver);
                    decisions.record(trackingNumber, OrderDecisions.Step.EMERGENCY_APPROVAL, APPROVE, approved, approver,
                            task.getId(), null);
                    variables.normalizeApprovedCategories(approved);
                    variables.setApproved(approver, Date.from(clock.instant()));
                    variables.setApprovedAlone(deadlines.reviewDueAt(Date.from(clock.instant())));
                    timeline.record(trackingNumber, TimelineStep.APPROVED_ALONE, approver, "Emergency disclosure of " + approved
                            + " approved by an approver alone; the legal analysis follows the disclosure.");
                } else if (LEAVE_TO_ANALYSIS.equals(decision)) {
                    decisions.record(trackingNumber, OrderDecisions.Step.EMERGENCY_APPROVAL, LEAVE_TO_ANALYSIS, null, approver,
                            task.getId(), null);
                    timeline.record(trackingNumber, TimelineStep.LEFT_TO_ANALYSIS, approver,
                            "The approver left the emergency to the legal analysis.");
                } else {
                    throw new InvalidTaskInputException(LegalOrderVariables.EMERGENCY_APPROVAL,
                            "is required: " + APPROVE + " or " + LEAVE_TO_ANALYSIS);
                }
            }
            default -> { }
        }
    }
}
