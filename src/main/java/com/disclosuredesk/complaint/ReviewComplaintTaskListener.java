package com.disclosuredesk.complaint;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.ModerationDecisions;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewComplaint (Art. 20). On creation: the case is IN_COMPLAINT, the outputs of an earlier complaint are
 * removed, and the form's read-only copies are set: who complained (UPLOADER or NOTIFIER, never a name) and the
 * decision complained about (the complaint's text is shown as an image by the application). Four eyes against the
 * moderator who took that decision (cr_decision.decided_by), when the task is claimed and when it is completed, as
 * for the approval of orders; on completion the outcome is checked ({@link ComplaintRules}) and recorded in
 * cr_complaint from the signed-in moderator.
 */
@Component
public class ReviewComplaintTaskListener implements TaskListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CaseRepository cases;
    private final ComplaintDecisions complaints;
    private final ModerationDecisions decisions;

    public ReviewComplaintTaskListener(CaseRepository cases, ComplaintDecisions complaints, ModerationDecisions decisions) {
        this.cases = cases;
        this.complaints = complaints;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        ContentReportVariables variables = ContentReportVariables.of(task.getExecution());
        String caseNumber = variables.caseNumber();
        Long complaintId = variables.complaintId();
        if (complaintId == null) {
            throw new IllegalStateException("Case " + caseNumber + " has no complaint under review");
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.getExecution().removeVariable(ContentReportVariables.COMPLAINT_DECISION);
                task.getExecution().removeVariable(ContentReportVariables.COMPLAINT_REASONING);
                variables.set(ContentReportVariables.REVIEW_AGAIN, false);
                ComplaintDecisions.Complaint complaint = complaints.get(complaintId, caseNumber);
                if ("PENDING".equals(complaint.status())) {
                    complaints.startReview(complaintId);
                }
                cases.updateStatus(caseNumber, CaseStatus.IN_COMPLAINT);
                ModerationDecisions.Decision decision = decisions.get(complaint.decisionId());
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("kind", decision.kind().name());
                shown.put("decision", decision.decision());
                shown.put("ground", decision.ground() == null ? "" : decision.ground());
                shown.put("groundReference", decision.groundReference() == null ? "" : decision.groundReference());
                shown.put("explanation", decision.explanation());
                shown.put("decidedAt", TIME.format(decision.decidedAt()));
                shown.put("threatToLife", decision.threatToLife());
                variables.set(ContentReportVariables.COMPLAINANT, complaint.complainant());
                variables.set(ContentReportVariables.COMPLAINED_DECISION, SpinValues.jsonValue(Spin.JSON(shown).toString()).create());
            }
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    ComplaintRules.checkFourEyes(task.getAssignee(), decidedBy(complaintId, caseNumber));
                }
            }
            case EVENTNAME_COMPLETE -> {
                String reviewer = TaskActor.decider(task);
                ComplaintRules.checkFourEyes(reviewer, decidedBy(complaintId, caseNumber));
                String decision = variables.complaintDecision();
                String reasoning = ComplaintRules.check(decision, variables.complaintReasoning());
                complaints.decide(complaintId, "UPHOLD".equals(decision) ? "UPHELD" : "REVERSED", decision, reasoning,
                        reviewer, task.getId());
            }
            default -> { }
        }
    }

    /** Who took the decision the complaint is about, from the records. */
    private String decidedBy(long complaintId, String caseNumber) {
        return decisions.get(complaints.get(complaintId, caseNumber).decisionId()).decidedBy();
    }
}
