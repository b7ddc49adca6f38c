package com.disclosuredesk.misuse;

import java.time.Instant;

/**
 * One row of {@code cr_misuse_measure}: a measure against a party, with the counts it rests on ({@code basis}: no
 * names, no emails), who decided it (leads' decisions only), until when a suspension lasts, and for a decision the
 * proposal it decides.
 */
public record MisuseMeasure(long id, PartyKind partyKind, String partyRef, MeasureKind measure, String caseNumber,
                            String basis, String decidedBy, Instant createdAt, Instant suspendedUntil, String reasoning,
                            Long proposalId) {
}
