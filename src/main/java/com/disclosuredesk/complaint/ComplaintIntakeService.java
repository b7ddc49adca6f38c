package com.disclosuredesk.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.DecisionOutcomes;
import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.ModerationCase;
import com.disclosuredesk.moderation.ModerationMessages;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.moderation.NotifierStanding;
import com.disclosuredesk.notice.CaseDecisions;
import com.disclosuredesk.notice.CaseNotFoundException;
import com.disclosuredesk.notice.NoticeRepository;
import com.disclosuredesk.notice.NotifierSuspendedException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint intake (DSA Art. 20): the uploader (through a member of report-gateways, only about a removal or
 * restriction) or a notifier (about their own notice's case) complains about the decision in force, within six months
 * of it ({@code disclosure-desk.moderation.complaints.window}, the window the decision's messages announce). In one transaction, with the case's row locked
 * first ({@link CaseRepository#lock}): the complaint is stored {@code PENDING} with its text sealed, the complainant gets
 * a receipt, and if the case's process waits at {@code Event_ComplaintReceived} the message {@code ComplaintReceived}
 * is correlated (variable {@code complaintId}), the complaint becomes {@code IN_REVIEW} and the case
 * {@code IN_COMPLAINT}. Otherwise (a complaint is being reviewed) it stays {@code PENDING}: the review side takes it
 * next, under the same lock, so that no complaint is left waiting while the case waits for none.
 */
@Service
public class ComplaintIntakeService {

    /** The event that waits for complaints in content-report. */
    public static final String COMPLAINT_EVENT = "Event_ComplaintReceived";
    public static final int MAX_TEXT = 5000;

    /** The answer to a complaint. */
    public record Accepted(long complaintId, String caseNumber, ComplaintStatus status, Instant receivedAt) {}

    private final ComplaintRepository complaints;
    private final CaseRepository cases;
    private final CaseDecisions decisions;
    private final NoticeRepository notices;
    private final ModerationMessages messages;
    private final NotifierStanding standing;
    private final NoticeSeal seal;
    private final Sequences sequences;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;
    private final Period window;

    public ComplaintIntakeService(ComplaintRepository complaints, CaseRepository cases, CaseDecisions decisions,
                                  NoticeRepository notices, ModerationMessages messages, NotifierStanding standing,
                                  NoticeSeal seal, Sequences sequences, RuntimeService runtime, ObjectMapper json, Clock clock,
                                  DecisionOutcomes.Settings settings) {
        this.complaints = complaints;
        this.cases = cases;
        this.decisions = decisions;
        this.notices = notices;
        this.messages = messages;
        this.standing = standing;
        this.seal = seal;
        this.sequences = sequences;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
        this.window = settings.window();
    }

    /** The fields of a complaint, every offending one named (before anything is read or locked). */
    static void validate(ComplaintSubmission complaint) {
        List<FieldProblem> problems = new ArrayList<>();
        if (complaint.by() == null) {
            problems.add(new FieldProblem("by", "is required: UPLOADER or NOTIFIER"));
        } else if (!complaint.by().equals("UPLOADER") && !complaint.by().equals("NOTIFIER")) {
            problems.add(new FieldProblem("by", "must be UPLOADER or NOTIFIER"));
        }
        if ("NOTIFIER".equals(complaint.by()) && complaint.noticeId() == null) {
            problems.add(new FieldProblem("noticeId", "is required for a notifier's complaint"));
        }
        if (complaint.text() == null || complaint.text().isBlank()) {
            problems.add(new FieldProblem("text", "is required"));
        } else if (complaint.text().length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidComplaintException(problems);
        }
    }

    /**
     * Stores a complaint of {@code gateway} about the case's decision in force.
     *
     * @param platformGateway the caller is a member of report-gateways (may complain for uploaders)
     */
    @Transactional
    public Accepted submit(String caseNumber, ComplaintSubmission complaint, String gateway, boolean platformGateway) {
        validate(complaint);
        boolean byUploader = complaint.by().equals("UPLOADER");
        ModerationCase locked = cases.lock(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        boolean ownNotices = !notices.ofCase(caseNumber, gateway).isEmpty();
        if (!ownNotices && !(byUploader && platformGateway)) {
            throw new CaseNotFoundException(caseNumber);
        }
        NoticeRepository.StoredNotice notice = null;
        if (byUploader) {
            if (!platformGateway) {
                throw new InvalidComplaintException(List.of(new FieldProblem("by",
                        "an uploader's complaint comes through the platform's gateways (group report-gateways)")));
            }
        } else {
            notice = notices.find(complaint.noticeId())
                    .filter(n -> n.caseNumber().equals(caseNumber) && n.gateway().equals(gateway))
                    .orElseThrow(() -> new InvalidComplaintException(List.of(new FieldProblem("noticeId",
                            "must be a notice of the caller on this case"))));
        }
        CaseDecisions.DecisionInForce decision = decisions.find(locked.decisionId())
                .orElseThrow(() -> new ComplaintNotAllowedException("The case has no decision yet: a complaint is possible once "
                        + "it is decided."));
        if (byUploader && !(decision.decision().equals("REMOVE") || decision.decision().equals("RESTRICT"))) {
            throw new ComplaintNotAllowedException("The uploader may complain about a removal or a restriction; the decision in "
                    + "force is " + decision.decision() + ".");
        }
        Instant now = clock.instant();
        Instant decidedAt = locked.decidedAt() != null ? locked.decidedAt() : decision.decidedAt();
        Instant windowEnds = decidedAt.atZone(ZoneOffset.UTC).plus(window).toInstant();
        if (!now.isBefore(windowEnds)) {
            LocalDate closed = windowEnds.atZone(ZoneOffset.UTC).toLocalDate();
            throw new ComplaintNotAllowedException("The time for complaints about this decision (" + window
                    + " from the decision, DSA Art. 20) closed on " + closed + ".");
        }
        party(byUploader, locked, notice, gateway).flatMap(party -> standing.suspendedUntil("COMPLAINANT", party))
                .ifPresent(until -> {
                    throw new NotifierSuspendedException(ProblemType.NOTIFIER_SUSPENDED, "This complainant", until);
                });

        long id = sequences.next("cr_complaint_seq");
        complaints.insert(id, caseNumber, complaint.by(), notice == null ? null : notice.id(), decision.id(), gateway,
                seal.seal(NoticeSeal.Field.COMPLAINT_TEXT, id, complaint.text()), now, ComplaintStatus.PENDING);
        String body = receiptBody(id, caseNumber, now, windowEnds);
        if (byUploader) {
            messages.toUploader(ModerationMessages.Kind.COMPLAINT_RECEIPT, caseNumber, locked.ownerAccountId(), body);
        } else {
            messages.toNotifier(gateway, ModerationMessages.Kind.COMPLAINT_RECEIPT, caseNumber, notice.id(), notice.notifierRef(), body);
        }

        ComplaintStatus status = ComplaintStatus.PENDING;
        if (waitsForComplaint(locked.processInstanceId())) {
            complaints.setStatus(id, ComplaintStatus.IN_REVIEW);
            cases.updateStatus(caseNumber, CaseStatus.IN_COMPLAINT);
            runtime.createMessageCorrelation(ContentReportProcess.MESSAGE_COMPLAINT_RECEIVED)
                    .processInstanceBusinessKey(caseNumber)
                    .processInstanceId(locked.processInstanceId())
                    .setVariable(ContentReportVariables.COMPLAINT_ID, id)
                    .correlate();
            status = ComplaintStatus.IN_REVIEW;
        }
        return new Accepted(id, caseNumber, status, now);
    }

    private boolean waitsForComplaint(String processInstanceId) {
        return processInstanceId != null && runtime.createEventSubscriptionQuery()
                .processInstanceId(processInstanceId)
                .eventType("message")
                .eventName(ContentReportProcess.MESSAGE_COMPLAINT_RECEIVED)
                .activityId(COMPLAINT_EVENT)
                .count() > 0;
    }

    /** The complainant's party in cr_misuse_measure: the notifier (gateway:notifierRef) or the uploader's account id. */
    private static Optional<String> party(boolean byUploader, ModerationCase c, NoticeRepository.StoredNotice notice, String gateway) {
        if (byUploader) {
            return Optional.ofNullable(c.ownerAccountId()).map(NotifierStanding::uploaderParty);
        }
        return Optional.ofNullable(notice.notifierRef()).map(ref -> NotifierStanding.notifierParty(gateway, ref));
    }

    private String receiptBody(long complaintId, String caseNumber, Instant receivedAt, Instant windowEnds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complaintId", complaintId);
        body.put("caseNumber", caseNumber);
        body.put("receivedAt", receivedAt.toString());
        body.put("text", "Your complaint was received. A person other than the one who decided will review the decision "
                + "and answer with reasons.");
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
