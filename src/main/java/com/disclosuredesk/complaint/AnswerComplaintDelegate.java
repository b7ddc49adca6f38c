package com.disclosuredesk.complaint;

import com.disclosuredesk.misuse.MisuseService;
import com.disclosuredesk.moderation.CaseNotices;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.ModerationCase;
import com.disclosuredesk.moderation.ModerationDecisions;
import com.disclosuredesk.moderation.ModerationMessages;
import com.disclosuredesk.moderation.StatementsOfReasons;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AnswerComplaint: the complainant gets the reasoned answer (COMPLAINT_OUTCOME: the outcome, the reasoning,
 * out-of-court dispute settlement under Art. 21 and the courts), the uploader by account, a notifier through the
 * gateway of their notice. Then, under the case's lock (complaint intake takes it too), the next complaint waiting
 * is taken into review (complaintPending, complaintId) or the case is DECIDED again. A reversed decision to take no
 * action goes back to review instead (reviewAgain): complaints still waiting about it are answered as reversed too.
 */
@Component
public class AnswerComplaintDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CaseNotices notices;
    private final ComplaintDecisions complaints;
    private final ModerationDecisions decisions;
    private final ModerationMessages messages;
    private final MisuseService misuse;

    public AnswerComplaintDelegate(CaseRepository cases, CaseNotices notices, ComplaintDecisions complaints,
                                   ModerationDecisions decisions, ModerationMessages messages, MisuseService misuse) {
        this.cases = cases;
        this.notices = notices;
        this.complaints = complaints;
        this.decisions = decisions;
        this.messages = messages;
        this.misuse = misuse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContentReportVariables variables = ContentReportVariables.of(execution);
        String caseNumber = variables.caseNumber();
        ComplaintDecisions.Complaint complaint = complaints.get(variables.complaintId(), caseNumber);
        ModerationCase c = cases.lock(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
        String inForce = c.decisionId() == null ? null : decisions.get(c.decisionId()).decision();
        String body = StatementsOfReasons.complaintOutcome(caseNumber, complaint.id(), complaint.status(),
                complaint.reasoning(), inForce, complaint.decidedAt());
        tell(complaint, c, body);
        afterComplaintAnswered(complaint);

        if (variables.bool(ContentReportVariables.REVIEW_AGAIN)) {
            // the decision to take no action is reversed: complaints still waiting about it got what they asked for;
            // each is answered so (the content is reviewed again, and every notifier hears the new decision)
            for (var waiting = complaints.nextPending(caseNumber); waiting.isPresent(); waiting = complaints.nextPending(caseNumber)) {
                answerSuperseded(complaints.get(waiting.get(), caseNumber), complaint, c, inForce);
            }
            variables.set(ContentReportVariables.COMPLAINT_PENDING, false);
            return;
        }
        var next = complaints.nextPending(caseNumber);
        if (next.isPresent()) {
            complaints.startReview(next.get());
            variables.set(ContentReportVariables.COMPLAINT_PENDING, true);
            variables.set(ContentReportVariables.COMPLAINT_ID, next.get());
        } else {
            variables.set(ContentReportVariables.COMPLAINT_PENDING, false);
            cases.updateStatus(caseNumber, CaseStatus.DECIDED);
        }
    }

    private void answerSuperseded(ComplaintDecisions.Complaint waiting, ComplaintDecisions.Complaint reversing, ModerationCase c,
                                  String inForce) {
        String reasoning = "The decision was reversed on another complaint (" + reversing.id() + "): the content is "
                + "reviewed again, and you will be told the new decision.";
        complaints.startReview(waiting.id());
        complaints.decide(waiting.id(), "REVERSED", "REVERSE", reasoning, reversing.decidedBy(), null);
        String body = StatementsOfReasons.complaintOutcome(c.caseNumber(), waiting.id(), "REVERSED", reasoning, inForce,
                reversing.decidedAt());
        tell(waiting, c, body);
    }

    /** The answer to its complainant: the uploader by account, a notifier through the gateway of their notice. */
    private void tell(ComplaintDecisions.Complaint complaint, ModerationCase c, String body) {
        if ("UPLOADER".equals(complaint.complainant())) {
            messages.toUploader(ModerationMessages.Kind.COMPLAINT_OUTCOME, c.caseNumber(), c.ownerAccountId(), body);
        } else if (complaint.noticeId() != null) {
            notices.notifier(complaint.noticeId()).ifPresent(n -> messages.toNotifier(n.gateway(),
                    ModerationMessages.Kind.COMPLAINT_OUTCOME, c.caseNumber(), n.noticeId(), n.notifierRef(), body));
        }
    }

    /**
     * Where the Art. 23 misuse check of complainants is wired: after a complaint is answered (an UPHELD complaint may
     * count as manifestly unfounded), the integrator calls {@code misuse.MisuseService} here. Nothing else happens
     * here in this package.
     */
    /** Art. 23(2): an upheld complaint counts towards its complainant's manifestly unfounded complaints. */
    private void afterComplaintAnswered(ComplaintDecisions.Complaint complaint) {
        misuse.afterComplaintAnswered(complaint.id());
    }
}
