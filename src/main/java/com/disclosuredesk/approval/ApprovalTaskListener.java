package com.disclosuredesk.approval;

import java.time.Clock;
import java.util.Date;

import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderDecisions.Decision;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.ApprovalDecision;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Approval (and the approvers' copy of an overdue one): status on creation; four eyes when the task is claimed
 * and when it is completed, against the analyst on record; the decision is checked and recorded with the analysis it
 * decides on (the approver approves exactly that analysis' categories, returns it, or rejects it).
 */
@Component
public class ApprovalTaskListener implements TaskListener {

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderDecisions decisions;
    private final Clock clock;

    public ApprovalTaskListener(OrderRepository orders, OrderTimeline timeline, OrderDecisions decisions, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalOrderVariables variables = LegalOrderVariables.of(task.getExecution());
        String trackingNumber = variables.trackingNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                // a new round of approval starts without the decision and comment of an earlier round
                task.getExecution().removeVariable(LegalOrderVariables.APPROVAL_DECISION);
                task.getExecution().removeVariable(LegalOrderVariables.APPROVAL_COMMENT);
                orders.updateStatus(trackingNumber, OrderStatus.AWAITING_APPROVAL, null, null);
                timeline.record(trackingNumber, TimelineStep.AWAITING_APPROVAL, null, "Waiting for approval.");
            }
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    ApprovalRules.checkFourEyes(task.getAssignee(), analysis(trackingNumber).decidedBy());
                }
            }
            case EVENTNAME_COMPLETE -> {
                String approver = TaskActor.decider(task);
                orders.boundOrder(trackingNumber, task.getProcessInstanceId());
                Decision analysis = analysis(trackingNumber);
                ApprovalRules.checkFourEyes(approver, analysis.decidedBy());
                ApprovalDecision decision = variables.approvalDecision();
                ApprovalRules.checkDecision(decision, variables.approvalComment());
                decisions.record(trackingNumber, OrderDecisions.Step.APPROVAL, decision.name(), analysis.categories(), approver,
                        task.getId(), analysis.id());
                if (decision == ApprovalDecision.APPROVE) {
                    variables.setApproved(approver, Date.from(clock.instant()));
                }
                TimelineStep step = switch (decision) {
                    case APPROVE -> TimelineStep.APPROVAL_APPROVE;
                    case RETURN -> TimelineStep.APPROVAL_RETURN;
                    case REJECT -> TimelineStep.APPROVAL_REJECT;
                };
                timeline.record(trackingNumber, step, approver, switch (decision) {
                    case APPROVE -> "Disclosure approved.";
                    case RETURN -> "Returned to legal analysis.";
                    case REJECT -> "Disclosure rejected by the approver.";
                });
            }
            default -> { }
        }
    }

    /** The analysis this approval decides on: the latest on record, which must have decided DISCLOSE. */
    private Decision analysis(String trackingNumber) {
        Decision analysis = decisions.latest(trackingNumber, OrderDecisions.Step.ANALYSIS)
                .orElseThrow(() -> new IllegalStateException("Order " + trackingNumber + " has no analysis on record to approve"));
        if (!"DISCLOSE".equals(analysis.decision())) {
            throw new IllegalStateException("Order " + trackingNumber + ": the analysis on record decided " + analysis.decision());
        }
        return analysis;
    }
}
