package com.disclosuredesk.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_TriageCase: the case's owner from the platform ({@link ModerationInterface#facts}), then its priority class,
 * task priority and review due date ({@link TriagePolicy}) from what all its notices report and how many there are,
 * read from the application's tables. The first round's clock runs from when the case was created (the first notice);
 * a later round's (a complaint reversed a decision to take no action) from now. Variables priorityClass, priority and
 * reviewDue are copies for the task (its priority and due date), the overdue timer and Cockpit.
 */
@Component
public class TriageCaseDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CaseNotices notices;
    private final ModerationInterface platform;
    private final TriagePolicy policy;
    private final Clock clock;

    public TriageCaseDelegate(CaseRepository cases, CaseNotices notices, ModerationInterface platform, TriagePolicy policy,
                              Clock clock) {
        this.cases = cases;
        this.notices = notices;
        this.platform = platform;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContentReportVariables variables = ContentReportVariables.of(execution);
        String caseNumber = variables.caseNumber();
        ModerationCase c = cases.get(caseNumber);
        if (c.processInstanceId() == null) {
            cases.bind(caseNumber, execution.getProcessInstanceId());
        } else if (!c.processInstanceId().equals(execution.getProcessInstanceId())) {
            throw new IllegalStateException("Case " + caseNumber + " belongs to another process instance");
        }
        Long owner = platform.facts(c.subjectKey()).ownerAccountId();
        if (owner != null && !owner.equals(c.ownerAccountId())) {
            cases.setOwner(caseNumber, owner);
        }
        int round = variables.reviewRound();
        Instant from = round == 1 ? c.createdAt() : clock.instant();
        TriagePolicy.Triage triage = policy.triage(notices.reported(caseNumber), c.noticeCount(), c.trustedNoticeCount(), from);
        cases.triaged(caseNumber, triage.priorityClass().name(), triage.priority(), triage.reviewDue());
        variables.set(ContentReportVariables.REVIEW_ROUND, round);
        variables.set(ContentReportVariables.PRIORITY_CLASS, triage.priorityClass().name());
        variables.set(ContentReportVariables.PRIORITY, triage.priority());
        variables.set(ContentReportVariables.REVIEW_DUE, Date.from(triage.reviewDue()));
        variables.set(ContentReportVariables.NOTICE_COUNT, c.noticeCount());
        variables.set(ContentReportVariables.TRUSTED_NOTICE_COUNT, c.trustedNoticeCount());
    }
}
