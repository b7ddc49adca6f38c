package com.disclosuredesk.moderation;

/**
 * Names of the content-report process (and of the misuse-review process that a moderation lead works in) that code
 * and clients rely on: the external contract of part two (docs/moderation.md, PRODUCT.md "Part two").
 */
public final class ContentReportProcess {

    public static final String PROCESS_KEY = "content-report";
    /** The same, for static imports beside LegalOrderProcess.PROCESS_KEY. */
    public static final String PROCESS_KEY_CONTENT_REPORT = PROCESS_KEY;
    /** Art. 23: a proposed suspension of a notifier, an account or a complainant, decided by a moderation lead. */
    public static final String MISUSE_PROCESS_KEY = "misuse-review";

    public static final String START_EVENT = "StartEvent_NoticeReceived";
    public static final String TASK_TRIAGE = "Task_TriageCase";
    public static final String TASK_REVIEW_CONTENT = "Task_ReviewContent";
    public static final String TASK_APPLY_DECISION = "Task_ApplyDecision";
    public static final String TASK_REFER_TO_AUTHORITY = "Task_ReferToAuthority";
    public static final String TASK_CHECK_MISUSE = "Task_CheckMisuse";
    public static final String TASK_REVIEW_COMPLAINT = "Task_ReviewComplaint";
    public static final String TASK_REVERSE_DECISION = "Task_ReverseDecision";
    public static final String TASK_ANSWER_COMPLAINT = "Task_AnswerComplaint";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";
    /** misuse-review: the moderation lead's decision on a proposed suspension. */
    public static final String TASK_DECIDE_SUSPENSION = "Task_DecideSuspension";

    /** A complaint (Art. 20) stored by the application, correlated to the case waiting for complaints. */
    public static final String MESSAGE_COMPLAINT_RECEIVED = "ComplaintReceived";

    /** Moderators: review content and complaints (four eyes: never a complaint about their own decision). */
    public static final String GROUP_MODERATORS = "content-moderators";
    /** Moderation leads: decide Art. 23 suspensions; see every moderation task. */
    public static final String GROUP_MODERATION_LEADS = "moderation-leads";
    /** The platform's reporting bot, its apps and web form: submit notices, deliver messages. */
    public static final String GROUP_REPORT_GATEWAYS = "report-gateways";
    /** Trusted flaggers (Art. 22): submit notices directly, with priority. */
    public static final String GROUP_TRUSTED_FLAGGERS = "trusted-flaggers";
    /** Read the statements of reasons for the DSA Transparency Database (issue 17). */
    public static final String GROUP_TRANSPARENCY_EXPORTERS = "transparency-exporters";

    private ContentReportProcess() {}
}
