package com.disclosuredesk.moderation;

/** The status of a content-report case (external contract: GET /api/content-reports/{caseNumber}). */
public enum CaseStatus {
    /** Notices received; triage has not run yet. */
    RECEIVED,
    /** Waiting for (or in) a moderator's review. */
    IN_REVIEW,
    /** Decided; complaints are possible for six months. */
    DECIDED,
    /** A complaint about the decision is being reviewed. */
    IN_COMPLAINT,
    /** The complaint window ended. */
    CLOSED;

    /** Whether new notices about the subject join this case (else: the decision of the last 30 days, or a new case). */
    public boolean isOpenForNotices() {
        return this == RECEIVED || this == IN_REVIEW;
    }
}
