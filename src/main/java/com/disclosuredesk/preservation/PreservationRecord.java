package com.disclosuredesk.preservation;

import java.time.Instant;

/**
 * A preservation hold: a frozen, encrypted snapshot of the targets' data of one preservation order, kept apart
 * from normal retention until {@code heldUntil}; extendable once. No personal data in this record.
 */
public record PreservationRecord(String trackingNumber, String sha256, int targetCount, int accountsFound,
                                 Instant preservedAt, Instant heldUntil, boolean extended, Instant deletedAt) {}
