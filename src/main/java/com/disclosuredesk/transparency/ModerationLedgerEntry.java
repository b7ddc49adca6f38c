package com.disclosuredesk.transparency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One moderation decision (cr_decision REVIEW or REVERSAL) or complaint outcome in the transparency ledger
 * (table dd_ledger_moderation_entry, V16), chained in the same sequence as the legal orders' {@link LedgerEntry}.
 * No personal data: kind, idempotency key, case number, times, DSA category, decision, ground, whether a trusted
 * flagger gave notice, country, complaint outcome. Never the notifier, the uploader's account, a name, an email,
 * the explanation, the ground reference, the evidence or the complaint text (docs/transparency.md).
 *
 * <p>Written in format version 3, a format of its own so that the legal-order formats 1 and 2 and their hashes
 * stay unchanged.
 */
public record ModerationLedgerEntry(
        long seq,
        int formatVersion,
        String entryKind,
        String sourceKey,
        String caseNumber,
        Instant decidedAt,
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
    /** A decision came into force (cr_decision REVIEW or REVERSAL). */
    public static final String MODERATION_DECISION = "MODERATION_DECISION";
    /** A complaint was decided (UPHELD or REVERSED) about the decision described by the entry. */
    public static final String COMPLAINT_OUTCOME = "COMPLAINT_OUTCOME";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * The canonical content the hash covers, UTF-8, joined by {@code |}:
     * {@code 3|seq|entryKind|sourceKey|caseNumber|decidedAt|recordedAt|category|decisionKind|decision|ground|
     * trustedFlagger|country|complaintOutcome|prevHash}; a null ground, country or complaint outcome is the empty
     * string; times in UTC as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}.
     */
    public String canonical() {
        if (formatVersion != FORMAT_V3) {
            throw new IllegalStateException("unknown moderation ledger format version " + formatVersion);
        }
        return String.join("|", Integer.toString(formatVersion), Long.toString(seq), entryKind, sourceKey,
                caseNumber, TIME.format(decidedAt), TIME.format(recordedAt), category, decisionKind, decision,
                orEmpty(ground), Boolean.toString(trustedFlagger), orEmpty(country), orEmpty(complaintOutcome),
                prevHash);
    }

    /** Whether the kind is one of the two this format knows. */
    public boolean knownKind() {
        return MODERATION_DECISION.equals(entryKind) || COMPLAINT_OUTCOME.equals(entryKind);
    }

    ModerationLedgerEntry withHash(String hash) {
        return new ModerationLedgerEntry(seq, formatVersion, entryKind, sourceKey, caseNumber, decidedAt, recordedAt,
                category, decisionKind, decision, ground, trustedFlagger, country, complaintOutcome, prevHash, hash);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
