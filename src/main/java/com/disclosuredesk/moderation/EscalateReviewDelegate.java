package com.disclosuredesk.moderation;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateReview (the non-interrupting timer Event_ReviewOverdue at the review's due date): the open review
 * stays where it is; its priority rises to the escalated priority ({@link TriagePolicy#escalatedPriority}) and the
 * moderation leads become candidates as well. escalationCount counts the escalations; the log line names the case only.
 */
@Component
public class EscalateReviewDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(EscalateReviewDelegate.class);

    private final TriagePolicy policy;

    public EscalateReviewDelegate(TriagePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContentReportVariables variables = ContentReportVariables.of(execution);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ContentReportProcess.TASK_REVIEW_CONTENT).list()) {
            int escalated = policy.escalatedPriority(task.getPriority());
            if (escalated != task.getPriority()) {
                tasks.setPriority(task.getId(), escalated);
            }
            tasks.addCandidateGroup(task.getId(), ContentReportProcess.GROUP_MODERATION_LEADS);
        }
        Object count = execution.getVariable(ContentReportVariables.ESCALATION_COUNT);
        variables.set(ContentReportVariables.ESCALATION_COUNT, count == null ? 1 : ((Number) count).intValue() + 1);
        LOG.info("Review of case {} is overdue: escalated to the moderation leads", variables.caseNumber());
    }
}
