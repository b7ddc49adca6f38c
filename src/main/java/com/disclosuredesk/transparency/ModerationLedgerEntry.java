package com.disclosuredesk.transparency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One moderation decision (cr_decision REVIEW or REVERSAL) or complaint outcome in the transparency ledger
 * (table dd_ledger_moderation_entry, V16), chained in the same sequence as the legal orders' {@link LedgerEntry}.
 * No personal data: kind, case number, time, DSA category, decision, ground, source, country, complaint outcome.
 *
 * <p>Written in format version 3, a format of its own so that the legal-order formats 1 and 2 and their hashes
 * stay unchanged. NOT YET WIRED: no append, verification or caller uses it yet (see the ledger helper's report).
 */
public record ModerationLedgerEntry(
        long seq,
        int formatVersion,
        String entryKind,
        String sourceKey,
        String caseNumber,
        Instant recordedAt,
        String category,
        String decisionKind,
        String decision,
        String ground,
        boolean trustedFlagger,
        String country,
        String complaintOutcome,
        String prevHash,
        String entryHash) {

    /** Version 3: the first (and only) format of moderation entries. */
    public static final int FORMAT_V3 = 3;
    public static final String MODERATION_DECISION = "MODERATION_DECISION";
    public static final String COMPLAINT_OUTCOME = "COMPLAINT_OUTCOME";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * The canonical content the hash covers, UTF-8, joined by {@code |}:
     * {@code 3|seq|entryKind|sourceKey|caseNumber|recordedAt|category|decisionKind|decision|ground|trustedFlagger|
     * country|complaintOutcome|prevHash}; a null country or complaint outcome is the empty string; the time in UTC as
     * {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}.
     */
    public String canonical() {
        if (formatVersion != FORMAT_V3) {
            throw new IllegalStateException("unknown moderation ledger format version " + formatVersion);
        }
        return String.join("|", Integer.toString(formatVersion), Long.toString(seq), entryKind, sourceKey,
                caseNumber, TIME.format(recordedAt), category, decisionKind, decision, ground,
                Boolean.toString(trustedFlagger), country == null ? "" : country,
                complaintOutcome == null ? "" : complaintOutcome, prevHash);
    }
}
