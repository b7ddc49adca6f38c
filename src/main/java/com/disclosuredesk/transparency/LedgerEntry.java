package com.disclosuredesk.transparency;

import java.time.Instant;

import com.disclosuredesk.process.OrderOutcome;

/** One ended order in the transparency ledger. No personal data: counts, country, type, outcome. */
public record LedgerEntry(
        long seq,
        String trackingNumber,
        Instant endedAt,
        Instant periodFrom,
        Instant periodTo,
        String authorityCountry,
        String orderType,
        OrderOutcome outcome,
        int usersAffected,
        int targetsSpecified,
        boolean emergency,
        String prevHash,
        String entryHash) {

    /** The canonical content the hash covers: every field but the hash itself, in a fixed order. */
    public String canonical() {
        return String.join("|",
                Long.toString(seq), trackingNumber, endedAt.toString(), periodFrom.toString(), periodTo.toString(),
                authorityCountry, orderType, outcome.name(), Integer.toString(usersAffected),
                Integer.toString(targetsSpecified), Boolean.toString(emergency), prevHash);
    }
}
