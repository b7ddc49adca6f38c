package com.disclosuredesk.notice;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A notice as a gateway or a trusted flagger submits it (PRODUCT.md "Part two"). Every field is read as written
 * (strings, not enums), so that {@link NoticeRules} can name every offending field in one answer; unknown fields are
 * refused by the application's strict JSON reader. {@link #toString()} names no value: a notice carries personal data.
 */
@Schema(description = "A notice (DSA Art. 16)")
public record NoticeSubmission(
        @Schema(description = "The gateway's own id of the notice: the same id again is the same notice", example = "bot-2026-0000123",
                maxLength = 100, pattern = "^[A-Za-z0-9._:-]+$") String externalId,
        @Schema(description = "What is reported") SubjectSpec subject,
        @Schema(description = "The DSA Transparency Database category", implementation = NoticeCategory.class) String category,
        @Schema(description = "Optional: the DSA Transparency Database category_specification keyword, without KEYWORD_; "
                + "it must belong to the category", implementation = NoticeSpecification.class) String specification,
        @Schema(description = "Why the content is illegal or incompatible with the terms (required)", maxLength = 5000)
        String explanation,
        @Schema(description = "Optional: ISO 3166-1 alpha-2 country the notice concerns", example = "DE") String country,
        @Schema(description = "The person who reports; may be absent only for child sexual abuse material") NotifierSpec notifier,
        @Schema(description = "The notifier's statement of good faith (DSA Art. 16(2)(d)): must be true") Boolean goodFaith,
        @Schema(description = "Optional: what the notifier saw") EvidenceSpec evidence) {

    @Schema(description = "The reported subject")
    public record SubjectSpec(
            @Schema(description = "MESSAGE, CHANNEL, GROUP, ACCOUNT or SEARCH_TERM", example = "MESSAGE") String type,
            @Schema(description = "A t.me link, a @name or a search term", example = "https://t.me/some_channel/4711") String reference) {}

    @Schema(description = "The notifier: the gateway's pseudonymous id, a name and an email (sealed at rest)")
    public record NotifierSpec(
            @Schema(description = "The gateway's pseudonymous id of the person", maxLength = 100, example = "u-88412") String id,
            @Schema(description = "Name", maxLength = 200) String name,
            @Schema(description = "Email address", maxLength = 254) String email) {
        @Override
        public String toString() {
            return "NotifierSpec[...]";
        }
    }

    @Schema(description = "Evidence captured with the notice")
    public record EvidenceSpec(
            @Schema(description = "The reported content as the notifier saw it", maxLength = 10000) String text,
            @Schema(description = "SHA-256 of the captured media (64 hex), or null", pattern = "^[0-9a-fA-F]{64}$") String mediaSha256) {
        @Override
        public String toString() {
            return "EvidenceSpec[...]";
        }
    }

    @Override
    public String toString() {
        return "NoticeSubmission[externalId=" + externalId + ", category=" + category + ", specification=" + specification + "]";
    }
}
