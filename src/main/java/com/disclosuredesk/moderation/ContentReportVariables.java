package com.disclosuredesk.moderation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of the content-report and misuse-review processes; every variable name lives here.
 * Variables hold the case number, non-personal facts of the case (subject type, category, counts), clocks and the
 * moderators' own outputs. Never a notifier's name or email, never the evidence: those are sealed in the
 * application's tables (cr_notice) and shown to the moderator by the application (docs/moderation.md).
 */
public final class ContentReportVariables {

    // case facts (set at the start and by triage; shown read-only in the review form)
    public static final String CASE_NUMBER = "caseNumber";
    public static final String SUBJECT_TYPE = "subjectType";
    public static final String SUBJECT_REFERENCE = "subjectReference";
    public static final String CATEGORY = "category";
    public static final String SPECIFICATION = "specification";
    public static final String COUNTRY = "country";
    public static final String NOTICE_COUNT = "noticeCount";
    public static final String TRUSTED_NOTICE_COUNT = "trustedNoticeCount";

    // triage and clocks
    public static final String PRIORITY_CLASS = "priorityClass";
    public static final String PRIORITY = "priority";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String ESCALATION_COUNT = "escalationCount";
    /** 1 for the first review; 2, 3, ... when a complaint reversed a decision to take no action. */
    public static final String REVIEW_ROUND = "reviewRound";

    // Task_ReviewContent outputs (external contract)
    public static final String MODERATION_DECISION = "moderationDecision";
    public static final String DECISION_GROUND = "decisionGround";
    public static final String GROUND_REFERENCE = "groundReference";
    public static final String DECISION_EXPLANATION = "decisionExplanation";
    public static final String THREAT_TO_LIFE = "threatToLife";

    // the decision on record (cr_decision), copied for Cockpit and the gateways
    public static final String DECISION_ID = "decisionId";
    public static final String DECIDED_BY = "decidedBy";
    /** Six months after the decision message: complaints are accepted until then (Art. 20). */
    public static final String COMPLAINT_WINDOW_ENDS = "complaintWindowEnds";

    // complaints (Task_ReviewComplaint outputs: external contract)
    public static final String COMPLAINT_ID = "complaintId";
    public static final String COMPLAINT_DECISION = "complaintDecision";
    public static final String COMPLAINT_REASONING = "complaintReasoning";
    /** Another complaint arrived while one was reviewed: review it next. */
    public static final String COMPLAINT_PENDING = "complaintPending";
    /** A complaint reversed a decision to take no action: the content is reviewed again. */
    public static final String REVIEW_AGAIN = "reviewAgain";

    // the review form's read-only copies (Task_ReviewContent create listener; no personal data)
    /** The case's notices as JSON: id, receivedAt, sourceType, category, specification, country, hasMedia. */
    public static final String NOTICES = "notices";
    /** How many notices the list shows (the most recent; the case may have more: noticeCount). */
    public static final String NOTICES_LISTED = "noticesListed";
    /** The account's earlier decisions as JSON: caseNumber, decidedAt, decision, ground. */
    public static final String ACCOUNT_DECISIONS = "accountDecisions";
    public static final String ACCOUNT_DECISION_COUNT = "accountDecisionCount";

    // the review complaint form's read-only copies (Task_ReviewComplaint create listener)
    /** UPLOADER or NOTIFIER: who complained (never their name). */
    public static final String COMPLAINANT = "complainant";
    /** The decision complained about as JSON: decision, ground, groundReference, explanation, decidedAt, kind. */
    public static final String COMPLAINED_DECISION = "complainedDecision";

    // misuse-review (Art. 23)
    public static final String MISUSE_MEASURE_ID = "misuseMeasureId";
    public static final String PARTY_KIND = "partyKind";
    public static final String MISUSE_BASIS = "misuseBasis";
    public static final String SUSPENSION_DECISION = "suspensionDecision";
    public static final String SUSPENSION_DAYS = "suspensionDays";
    public static final String SUSPENSION_REASONING = "suspensionReasoning";
    /** The suspension period a lead may choose (misuse.MisusePolicy), shown in the form; set at the start. */
    public static final String SUSPENSION_MIN_DAYS = "suspensionMinDays";
    public static final String SUSPENSION_MAX_DAYS = "suspensionMaxDays";
    public static final String SUSPENSION_DEFAULT_DAYS = "suspensionDefaultDays";

    private final VariableScope scope;

    private ContentReportVariables(VariableScope scope) {
        this.scope = scope;
    }

    public static ContentReportVariables of(VariableScope scope) {
        return new ContentReportVariables(scope);
    }

    public String caseNumber() {
        return text(CASE_NUMBER);
    }

    public String moderationDecision() {
        return text(MODERATION_DECISION);
    }

    public String decisionGround() {
        return text(DECISION_GROUND);
    }

    public String groundReference() {
        return text(GROUND_REFERENCE);
    }

    public String decisionExplanation() {
        return text(DECISION_EXPLANATION);
    }

    /** The review's threatToLife output: a boolean, or "true"/"false" as a Tasklist radio submits it. */
    public boolean threatToLife() {
        return bool(THREAT_TO_LIFE);
    }

    public String complaintDecision() {
        return text(COMPLAINT_DECISION);
    }

    public String complaintReasoning() {
        return text(COMPLAINT_REASONING);
    }

    public Long complaintId() {
        Object value = scope.getVariable(COMPLAINT_ID);
        return value == null ? null : ((Number) value).longValue();
    }

    public Long decisionId() {
        Object value = scope.getVariable(DECISION_ID);
        return value == null ? null : ((Number) value).longValue();
    }

    public int reviewRound() {
        Object value = scope.getVariable(REVIEW_ROUND);
        return value == null ? 1 : ((Number) value).intValue();
    }

    public Date reviewDue() {
        return (Date) scope.getVariable(REVIEW_DUE);
    }

    public void set(String name, Object value) {
        scope.setVariable(name, value);
    }

    /** A variable as it is (a number may arrive as Integer, Long or a decimal string). */
    public Object value(String name) {
        return scope.getVariable(name);
    }

    public String text(String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public boolean bool(String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : "true".equals(value);
    }
}
