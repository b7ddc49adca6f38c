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
    WITHDRAWN,
    /** A preservation order: the targets' data is frozen (nothing disclosed) until the hold ends. */
    PRESERVED,
    /** A preservation order whose hold ended: the frozen data was deleted. */
    PRESERVATION_ENDED;

    /** Whether the order has ended (nothing more happens to it). */
    public boolean isFinal() {
        return this == DISCLOSED || this == REJECTED || this == WITHDRAWN || this == PRESERVATION_ENDED;
    }
}
