package com.disclosuredesk.process;

/** Names of the legal-order process that code and clients rely on (the external contract). */
public final class LegalOrderProcess {

    public static final String PROCESS_KEY = "legal-order";
    public static final String DECISION_VALIDITY = "order-validity";

    public static final String TASK_LEGAL_ANALYSIS = "Task_LegalAnalysis";
    public static final String TASK_APPROVAL = "Task_Approval";
    public static final String TASK_VERIFY_REQUESTER = "Task_VerifyRequester";
    /** The copy of an overdue analysis handed to the approvers. */
    public static final String TASK_LEGAL_ANALYSIS_COPY = "Task_LegalAnalysisCopy";
    /** The copy of an overdue approval handed to the other approvers. */
    public static final String TASK_APPROVAL_COPY = "Task_ApprovalCopy";
    public static final String TASK_APPROVE_EMERGENCY_ALONE = "Task_ApproveEmergencyAlone";
    public static final String TASK_ANALYSIS_AFTER_DISCLOSURE = "Task_AnalysisAfterDisclosure";

    public static final String MESSAGE_CLARIFICATION_RECEIVED = "ClarificationReceived";
    public static final String MESSAGE_ORDER_WITHDRAWN = "OrderWithdrawn";
    public static final String MESSAGE_PRESERVATION_EXTENDED = "PreservationExtended";
    public static final String MESSAGE_NON_DISCLOSURE_EXTENDED = "NonDisclosureExtended";

    public static final String GROUP_ADMIN = "camunda-admin";
    public static final String GROUP_ANALYSTS = "legal-analysts";
    public static final String GROUP_APPROVERS = "legal-approvers";
    public static final String GROUP_INTAKE = "intake-systems";
    /** Monitoring systems (Prometheus, probes with details): health details and metrics, nothing in the engine. */
    public static final String GROUP_MONITORING = "monitoring";

    private LegalOrderProcess() {}
}
