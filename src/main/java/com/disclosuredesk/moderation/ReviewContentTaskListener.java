package com.disclosuredesk.moderation;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewContent. On creation: the case is IN_REVIEW; the outputs of an earlier round are removed; the form's
 * read-only copies are set: the case's most recent notices without personal data (id, receivedAt, sourceType,
 * category, specification, country, hasMedia; the evidence itself is shown as images served by the application) and
 * the account's earlier decisions. On completion: the moderator on record is the signed-in member of the task's
 * groups ({@link TaskActor#decider}); the outputs are checked ({@link ReviewRules}) and recorded in cr_decision
 * ({@link ModerationDecisions}), which is what the outcome applies; threatToLife is normalised to a Boolean.
 */
@Component
public class ReviewContentTaskListener implements TaskListener {

    /** How many notices and earlier decisions the form lists (the counts say how many there are in all). */
    static final int LISTED = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CaseRepository cases;
    private final CaseNotices notices;
    private final ModerationDecisions decisions;
    private final ModerationInterface platform;

    public ReviewContentTaskListener(CaseRepository cases, CaseNotices notices, ModerationDecisions decisions,
                                     ModerationInterface platform) {
        this.cases = cases;
        this.notices = notices;
        this.decisions = decisions;
        this.platform = platform;
    }

    @Override
    public void notify(DelegateTask task) {
        ContentReportVariables variables = ContentReportVariables.of(task.getExecution());
        String caseNumber = variables.caseNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, variables, caseNumber);
            case EVENTNAME_COMPLETE -> completed(task, variables, caseNumber);
            default -> { }
        }
    }

    private void created(DelegateTask task, ContentReportVariables variables, String caseNumber) {
        for (String output : ModerationTaskOutputs.of(ContentReportProcess.TASK_REVIEW_CONTENT).keySet()) {
            task.getExecution().removeVariable(output);
        }
        cases.updateStatus(caseNumber, CaseStatus.IN_REVIEW);
        ModerationCase c = cases.get(caseNumber);
        // a notice without media of its own shows the platform's capture of the subject (the evidence endpoint does too)
        boolean subjectMedia = platform.facts(c.subjectKey()).mediaSha256() != null;
        List<Map<String, Object>> listed = notices.recent(caseNumber, LISTED).stream().map(n -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", n.id());
            // each entry carries the case number: the form's loop builds the evidence URLs from it
            entry.put("caseNumber", caseNumber);
            entry.put("receivedAt", TIME.format(n.receivedAt()));
            entry.put("sourceType", n.sourceType());
            entry.put("category", n.category());
            entry.put("specification", n.specification() == null ? "" : n.specification());
            entry.put("country", n.country() == null ? "" : n.country());
            entry.put("hasMedia", n.hasMedia() || subjectMedia);
            return entry;
        }).toList();
        variables.set(ContentReportVariables.NOTICES, SpinValues.jsonValue(Spin.JSON(listed).toString()).create());
        variables.set(ContentReportVariables.NOTICES_LISTED, listed.size());
        variables.set(ContentReportVariables.NOTICE_COUNT, c.noticeCount());
        variables.set(ContentReportVariables.TRUSTED_NOTICE_COUNT, c.trustedNoticeCount());
        List<Map<String, Object>> earlier = c.ownerAccountId() == null ? List.of()
                : decisions.ofAccount(c.ownerAccountId(), caseNumber, LISTED).stream().map(d -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("caseNumber", d.caseNumber());
                    entry.put("decidedAt", d.decidedAt() == null ? "" : TIME.format(d.decidedAt()));
                    entry.put("decision", d.decision());
                    entry.put("ground", d.ground() == null ? "" : d.ground());
                    return entry;
                }).toList();
        variables.set(ContentReportVariables.ACCOUNT_DECISIONS, SpinValues.jsonValue(Spin.JSON(earlier).toString()).create());
        variables.set(ContentReportVariables.ACCOUNT_DECISION_COUNT, earlier.size());
    }

    private void completed(DelegateTask task, ContentReportVariables variables, String caseNumber) {
        String moderator = TaskActor.decider(task);
        ModerationCase c = cases.get(caseNumber);
        if (c.processInstanceId() != null && !c.processInstanceId().equals(task.getProcessInstanceId())) {
            throw new IllegalStateException("Case " + caseNumber + " belongs to another process instance");
        }
        ReviewRules.Review review = ReviewRules.check(variables.moderationDecision(), variables.decisionGround(),
                variables.groundReference(), variables.decisionExplanation(),
                task.getExecution().getVariable(ContentReportVariables.THREAT_TO_LIFE));
        ModerationDecisions.Decision decision = decisions.record(caseNumber, ModerationDecisions.Kind.REVIEW, review.decision(),
                review.ground(), review.groundReference(), review.explanation(), review.threatToLife(), moderator,
                task.getId(), null);
        variables.set(ContentReportVariables.THREAT_TO_LIFE, review.threatToLife());
        variables.set(ContentReportVariables.DECISION_ID, decision.id());
        variables.set(ContentReportVariables.DECIDED_BY, moderator);
    }
}
