package com.disclosuredesk.notice;

/** What became of a notice (cr_notice.disposition, the answer's {@code disposition}). */
public enum Disposition {
    /** It started a new case (and its process instance). */
    STARTED,
    /** It joined the open case of its subject (no process start: the case's counts only). */
    JOINED,
    /** Its subject was decided within the last 30 days: it is attached to that case and gets that decision. */
    ALREADY_DECIDED
}
