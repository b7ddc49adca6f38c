package com.disclosuredesk.moderation;

/**
 * The transparency ledger as moderation sees it (issue 17, "one ledger"): a decision that comes into force and a
 * complaint outcome that becomes final are appended to the same hash chain as the legal orders, in the caller's
 * transaction. Implemented by {@code transparency.TransparencyLedger}; an interface here so that moderation and
 * complaint do not depend on the transparency package (which reports on them).
 *
 * <p>Both calls are idempotent: a retried step appends nothing the second time (one entry per decision id, one per
 * complaint id). The entry is built from the tables (cr_decision, cr_complaint, cr_case), never from variables, and
 * holds no personal data (docs/transparency.md).
 */
public interface DecisionLedger {

    /** The decision {@code decisionId} (a REVIEW or a REVERSAL of cr_decision) is in force. */
    void decisionInForce(long decisionId);

    /** The complaint {@code complaintId} (cr_complaint) is decided: UPHELD or REVERSED. */
    void complaintDecided(long complaintId);
}
