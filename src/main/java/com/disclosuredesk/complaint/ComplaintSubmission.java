package com.disclosuredesk.complaint;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A complaint (DSA Art. 20) as a gateway or trusted flagger submits it. Read as written (strings), checked by
 * {@link ComplaintIntakeService}, every offending field named. {@link #toString()} names no text.
 */
@Schema(description = "A complaint about the decision in force (DSA Art. 20)")
public record ComplaintSubmission(
        @Schema(description = "UPLOADER (through a gateway of the platform) or NOTIFIER", example = "NOTIFIER") String by,
        @Schema(description = "The notifier's notice on this case (required for NOTIFIER)", example = "41") Long noticeId,
        @Schema(description = "Why the decision should change", maxLength = 5000) String text) {

    @Override
    public String toString() {
        return "ComplaintSubmission[by=" + by + ", noticeId=" + noticeId + "]";
    }
}
