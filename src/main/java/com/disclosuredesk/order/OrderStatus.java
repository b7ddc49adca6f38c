package com.disclosuredesk.order;

/** The status an authority sees; names are part of the external contract. */
public enum OrderStatus {
    RECEIVED,
    NEEDS_VERIFICATION,
    NEEDS_CLARIFICATION,
    IN_LEGAL_ANALYSIS,
    AWAITING_APPROVAL,
    DISCLOSED,
    REJECTED,
    WITHDRAWN
}
