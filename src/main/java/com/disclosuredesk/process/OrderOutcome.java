package com.disclosuredesk.process;

/** How an order ended, as the transparency ledger counts it. */
public enum OrderOutcome {
    FULFILLED,
    NO_DATA,
    REJECTED,
    INVALID,
    WITHDRAWN;

    public boolean disclosed() {
        return this == FULFILLED || this == NO_DATA;
    }
}
