package com.disclosuredesk.transparency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.disclosuredesk.process.OrderOutcome;

/**
 * One ended order in the transparency ledger. No personal data: counts, country, type, outcome.
 *
 * <p>The hash covers the canonical content, whose form depends on the entry's format version (see
 * {@link #canonical()} and docs/transparency.md). Entries keep the format they were written in, so that entries
 * stored before a format change stay verifiable.
 */
public record LedgerEntry(
        long seq,
        int formatVersion,
        String trackingNumber,
        Instant endedAt,
        Instant periodFrom,
        Instant periodTo,
        String authorityCountry,
        String orderType,
        LegalProcessClass legalProcessClass,
        OrderOutcome outcome,
        int usersAffected,
        int targetsSpecified,
        boolean emergency,
        String prevHash,
        String entryHash) {

    /** Version 1: the first format, without the legal-process class. */
    public static final int FORMAT_V1 = 1;
    /** Version 2: with the format version and the legal-process class, timestamps with exactly six decimals. */
    public static final int FORMAT_V2 = 2;
    /** The format new entries are written in. */
    public static final int CURRENT_FORMAT = FORMAT_V2;

    private static final DateTimeFormatter V2_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * The canonical content the hash covers: every field but the hash itself, in a fixed order, joined by
     * {@code |}, encoded as UTF-8.
     *
     * <ul>
     * <li>Version 1: {@code seq|trackingNumber|endedAt|periodFrom|periodTo|country|orderType|outcome|usersAffected|
     * targetsSpecified|emergency|prevHash}, timestamps as Java's {@code Instant.toString()}.</li>
     * <li>Version 2: {@code 2|seq|trackingNumber|endedAt|periodFrom|periodTo|country|orderType|legalProcessClass|
     * outcome|usersAffected|targetsSpecified|emergency|prevHash}, timestamps in UTC as
     * {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (always six decimals).</li>
     * </ul>
     */
    public String canonical() {
        return switch (formatVersion) {
            case FORMAT_V1 -> String.join("|",
                    Long.toString(seq), trackingNumber, endedAt.toString(), periodFrom.toString(), periodTo.toString(),
                    authorityCountry, orderType, outcome.name(), Integer.toString(usersAffected),
                    Integer.toString(targetsSpecified), Boolean.toString(emergency), prevHash);
            case FORMAT_V2 -> String.join("|",
                    Integer.toString(formatVersion), Long.toString(seq), trackingNumber, V2_TIME.format(endedAt),
                    V2_TIME.format(periodFrom), V2_TIME.format(periodTo), authorityCountry, orderType,
                    legalProcessClass.name(), outcome.name(), Integer.toString(usersAffected),
                    Integer.toString(targetsSpecified), Boolean.toString(emergency), prevHash);
            default -> throw new IllegalStateException("unknown ledger format version " + formatVersion);
        };
    }

    /** Whether this class can compute the canonical content of the entry's format. */
    public boolean knownFormat() {
        return formatVersion == FORMAT_V1 || formatVersion == FORMAT_V2;
    }

    LedgerEntry withHash(String hash) {
        return new LedgerEntry(seq, formatVersion, trackingNumber, endedAt, periodFrom, periodTo, authorityCountry,
                orderType, legalProcessClass, outcome, usersAffected, targetsSpecified, emergency, prevHash, hash);
    }
}
