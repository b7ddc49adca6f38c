package com.disclosuredesk.process;

/** How an order ended, as the transparency ledger counts it. */
public enum OrderOutcome {
    FULFILLED,
    NO_DATA,
    REJECTED,
    INVALID,
    WITHDRAWN,
    /** Refused because the requester could not be verified through a known channel. */
    UNVERIFIED,
    /** A preservation order whose hold ended: data was frozen for the authority, nothing disclosed. */
    PRESERVED;

    public boolean disclosed() {
        return this == FULFILLED || this == NO_DATA;
    }
}
