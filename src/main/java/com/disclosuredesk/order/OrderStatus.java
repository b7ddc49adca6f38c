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

    /**
     * Whether the order has ended in this status: nothing more happens to it (no task, no disclosure). Related
     * orders ({@code analysis.RelatedOrders}) count only orders that are not final. The switch has no default on
     * purpose: a status added later does not compile until it is placed on one side.
     */
    public boolean isFinal() {
        return switch (this) {
            case DISCLOSED, REJECTED, WITHDRAWN, PRESERVATION_ENDED -> true;
            case RECEIVED, NEEDS_VERIFICATION, NEEDS_CLARIFICATION, IN_LEGAL_ANALYSIS, AWAITING_APPROVAL, PRESERVED -> false;
        };
    }
}
