package com.disclosuredesk.complaint;

/** The status of a complaint (cr_complaint.status). */
public enum ComplaintStatus {
    /** Stored; waits until the case waits for complaints (another complaint is being reviewed). */
    PENDING,
    /** Correlated to the case: Task_ReviewComplaint is (or will be at once) open for it. */
    IN_REVIEW,
    UPHELD,
    REVERSED
}
