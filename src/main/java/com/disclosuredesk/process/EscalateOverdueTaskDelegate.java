package com.disclosuredesk.process;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Service tasks Task_EscalateAnalysis and Task_EscalateApproval (input parameter {@code escalatedTask}: the id of the
 * overdue task). The open task stays where it is; its priority rises and the order's timeline records the
 * escalation. The copy for the approvers follows in the model.
 */
@Component
public class EscalateOverdueTaskDelegate implements JavaDelegate {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final OrderTimeline timeline;

    public EscalateOverdueTaskDelegate(OrderTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String escalatedTask = (String) execution.getVariableLocal(LegalOrderVariables.ESCALATED_TASK);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        int raised = 0;
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(escalatedTask).list()) {
            if (task.getPriority() < variables.escalatedPriority()) {
                tasks.setPriority(task.getId(), variables.escalatedPriority());
                raised++;
            }
        }
        variables.countEscalation();
        Date due = variables.answerDueAt();
        String what = LegalOrderProcess.TASK_APPROVAL.equals(escalatedTask) ? "approval" : "legal analysis";
        String detail;
        if (variables.emergency() && !LegalOrderProcess.TASK_APPROVAL.equals(escalatedTask)) {
            detail = "Emergency clock nearly out (due " + TIME.format(due.toInstant()) + "): the " + what
                    + " is escalated and an approver may approve the disclosure alone.";
        } else {
            detail = "The " + what + " is overdue (due " + TIME.format(due.toInstant()) + "): "
                    + (raised > 0 ? "its priority was raised to " + variables.escalatedPriority() + " and " : "")
                    + "a copy went to the approvers.";
        }
        timeline.record(variables.trackingNumber(), TimelineStep.ESCALATED, null, detail);
    }
}
