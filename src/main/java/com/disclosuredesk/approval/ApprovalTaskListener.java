package com.disclosuredesk.approval;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.ApprovalDecision;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_Approval: status on creation; four eyes when the task is claimed and when it is completed; the
 * decision is checked and attributed.
 */
@Component
public class ApprovalTaskListener implements TaskListener {

    private final OrderRepository orders;

    public ApprovalTaskListener(OrderRepository orders) {
        this.orders = orders;
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
                orders.addEvent(trackingNumber, "AWAITING_APPROVAL", null, "Waiting for approval.");
            }
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    ApprovalRules.checkFourEyes(task.getAssignee(), variables.analysedBy());
                }
            }
            case EVENTNAME_COMPLETE -> {
                String approver = TaskActor.of(task);
                ApprovalRules.checkFourEyes(approver, variables.analysedBy());
                ApprovalDecision decision = variables.approvalDecision();
                ApprovalRules.checkDecision(decision, variables.approvalComment());
                if (decision == ApprovalDecision.APPROVE) {
                    variables.setApproved(approver, ClockUtil.getCurrentTime());
                }
                orders.addEvent(trackingNumber, "APPROVAL_" + decision, approver, switch (decision) {
                    case APPROVE -> "Disclosure approved.";
                    case RETURN -> "Returned to legal analysis.";
                    case REJECT -> "Disclosure rejected by the approver.";
                });
            }
            default -> { }
        }
    }
}
