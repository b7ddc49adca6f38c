package com.disclosuredesk.misuse;

/**
 * The measures of {@code cr_misuse_measure.measure}: a warning (automatic), a proposed suspension (automatic, for a
 * moderation lead to decide in misuse-review), and the lead's decision on it: a suspension for a period, or none.
 */
public enum MeasureKind {
    WARNING, SUSPENSION_PROPOSED, SUSPENSION, SUSPENSION_DECLINED
}
