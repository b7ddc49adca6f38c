package com.disclosuredesk.transparency;

import java.time.Instant;

/**
 * How often the process transparency-report freezes and publishes a report by itself
 * ({@code disclosure-desk.transparency.frozen-period}): every calendar month (as the news article on the platform
 * says) or every calendar quarter (as its privacy policy says). Reports of any other period can still be frozen by
 * hand. Why the default is QUARTER: docs/transparency.md, "Which periods are frozen".
 */
public enum FrozenPeriod {
    MONTH, QUARTER;

    /** The period of this kind that ended before {@code now} (UTC): the month or quarter just ended. */
    public ReportPeriod endedBefore(Instant now) {
        return this == MONTH ? ReportPeriod.monthEndedBefore(now) : ReportPeriod.quarterEndedBefore(now);
    }
}
