package com.disclosuredesk.referral;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A referral (Art. 18 DSA) of a content case to the authority of the country concerned, as legal staff see it. The
 * account key names a suspect (personal data): it is shown to legal staff and administrators only, and left out
 * ({@code null}, not in the JSON) for moderation leads.
 */
@Schema(description = "A referral of a content case to a law enforcement or judicial authority (Art. 18 DSA)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Referral(
        @Schema(description = "The referral's id; pass the last one of a page as `after` for the next page", example = "7") long id,
        @Schema(description = "The content case", example = "CR-2026-000042") String caseNumber,
        @Schema(description = "The country concerned (ISO 3166-1 alpha-2)", example = "DE") String country,
        @Schema(description = "The authority referred to", example = "Bundeskriminalamt (BKA)") String authority,
        @Schema(description = "The account as legal orders name their targets (legal staff only)", example = "USERNAME:demo0001") String accountKey,
        @Schema(description = "When the referral was made") Instant createdAt) {

    /** The same referral without the account key. */
    Referral withoutAccount() {
        return new Referral(id, caseNumber, country, authority, null, createdAt);
    }
}
