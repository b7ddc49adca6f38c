package com.disclosuredesk.order;

/**
 * The steps of an order's timeline ({@code dd_order_event.step}), in lifecycle order. The names are external
 * contract: authorities read them in {@code GET /api/orders/{trackingNumber}} and staff in the timeline.
 */
public enum TimelineStep {
    // receipt
    RECEIVED,
    ACKNOWLEDGED,
    WITHDRAWN,
    // validity and clarification
    VALIDITY_CHECKED,
    CLARIFICATION_REQUESTED,
    CLARIFICATION_RECEIVED,
    CLARIFICATION_OVERDUE,
    // requester verification
    REQUESTER_RECOGNIZED,
    REQUESTER_CHECKED,
    NEEDS_VERIFICATION,
    REQUESTER_VERIFIED,
    REQUESTER_NOT_VERIFIED,
    // analysis and approval
    IN_LEGAL_ANALYSIS,
    ANALYSED,
    AWAITING_APPROVAL,
    APPROVAL_APPROVE,
    APPROVAL_RETURN,
    APPROVAL_REJECT,
    APPROVED_ALONE,
    LEFT_TO_ANALYSIS,
    ESCALATED,
    // disclosure and preservation
    DISCLOSED,
    DISCLOSURE_DOWNLOADED,
    DISCLOSURE_EXPIRED,
    PRESERVED,
    PRESERVATION_EXTENSION_REQUESTED,
    PRESERVATION_EXTENDED,
    PRESERVATION_ENDED,
    // logging and afterwards
    CLOSED,
    FLAGGED_FOR_REVIEW,
    ANALYSED_AFTER_DISCLOSURE,
    NON_DISCLOSURE_EXTENDED,
    USERS_NOTIFIED
}
