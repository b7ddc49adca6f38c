package com.disclosuredesk.moderation;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Triage again when a notice joins an open case ({@link CaseEvents.NoticeJoined}, in intake's transaction): a case
 * only becomes more urgent. Only when its class, priority or due date changes are the case row, the open review task
 * (priority, due date) and its overdue timer updated, so that Tasklist lists the most urgent first; a joining notice
 * that changes nothing costs no engine write (one read of the joining notice by its id). A case not triaged yet needs nothing: triage reads the counts then.
 */
@Component
public class NoticeJoinedTriage {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeJoinedTriage.class);

    private final CaseRepository cases;
    private final CaseNotices notices;
    private final TriagePolicy policy;
    private final TaskService tasks;
    private final ManagementService management;
    private final org.camunda.bpm.engine.RuntimeService runtime;

    public NoticeJoinedTriage(CaseRepository cases, CaseNotices notices, TriagePolicy policy, TaskService tasks,
                              ManagementService management, org.camunda.bpm.engine.RuntimeService runtime) {
        this.runtime = runtime;
        this.cases = cases;
        this.notices = notices;
        this.policy = policy;
        this.tasks = tasks;
        this.management = management;
    }

    @EventListener
    public void noticeJoined(CaseEvents.NoticeJoined event) {
        ModerationCase c = event.moderationCase();
        if (c.priorityClass() == null || c.priority() == null || c.reviewDue() == null) {
            return;
        }
        TriagePolicy.Triage current = new TriagePolicy.Triage(TriagePolicy.PriorityClass.valueOf(c.priorityClass()),
                c.priority(), c.reviewDue());
        TriagePolicy.Reported joined = notices.reportedBy(event.noticeId()).orElse(null);
        if (joined == null) {
            return;
        }
        TriagePolicy.Triage next = policy.retriage(current, joined, event.trusted(), c.noticeCount(), c.trustedNoticeCount());
        if (next.equals(current)) {
            return;
        }
        cases.triaged(c.caseNumber(), next.priorityClass().name(), next.priority(), next.reviewDue());
        if (c.processInstanceId() == null) {
            return;
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey(ContentReportProcess.TASK_REVIEW_CONTENT).list();
        Date due = Date.from(next.reviewDue());
        for (Task task : open) {
            boolean raise = task.getPriority() < next.priority();
            boolean sooner = task.getDueDate() == null || !task.getDueDate().equals(due);
            if (raise || sooner) {
                task.setPriority(Math.max(task.getPriority(), next.priority()));
                task.setDueDate(due);
                tasks.saveTask(task);
            }
        }
        if (!open.isEmpty()) {
            for (Job timer : management.createJobQuery().processInstanceId(c.processInstanceId()).timers()
                    .activityId("Event_ReviewOverdue").list()) {
                management.setJobDuedate(timer.getId(), due);
            }
        }
        // the copies of the class and clock for Cockpit and the form (the timer above already has its new date)
        runtime.setVariables(c.processInstanceId(), java.util.Map.of(ContentReportVariables.PRIORITY_CLASS,
                next.priorityClass().name(), ContentReportVariables.PRIORITY, next.priority(),
                ContentReportVariables.REVIEW_DUE, due));
        LOG.info("Case {} re-triaged to {} after a notice joined", c.caseNumber(), next.priorityClass());
    }
}
