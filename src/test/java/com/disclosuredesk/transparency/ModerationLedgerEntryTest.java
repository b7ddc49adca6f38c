package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical content of format 3 (moderation entries): fixed order, six decimals, nulls as empty strings. */
class ModerationLedgerEntryTest {

    private static ModerationLedgerEntry entry(int format, String country, String outcome) {
        return new ModerationLedgerEntry(7, format, ModerationLedgerEntry.COMPLAINT_OUTCOME, "complaint:42", "CR-2026-000001",
                Instant.parse("2026-12-06T01:02:03.000004Z"), "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "REVIEW",
                "REMOVE", "ILLEGAL_CONTENT", true, country, outcome, "a".repeat(64), null);
    }

    @Test
    void canonicalContentOfFormat3() {
        assertThat(entry(3, "DE", "UPHELD").canonical()).isEqualTo("3|7|COMPLAINT_OUTCOME|complaint:42|CR-2026-000001|"
                + "2026-12-06T01:02:03.000004Z|STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH|REVIEW|REMOVE|"
                + "ILLEGAL_CONTENT|true|DE|UPHELD|" + "a".repeat(64));
        assertThat(entry(3, null, null).canonical()).contains("|true|||" + "a".repeat(64));
    }

    @Test
    void unknownFormatIsRefused() {
        assertThatThrownBy(() -> entry(2, "DE", null).canonical()).isInstanceOf(IllegalStateException.class);
    }
}
