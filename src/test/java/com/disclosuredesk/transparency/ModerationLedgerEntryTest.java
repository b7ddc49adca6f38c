package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical content of format 3 (moderation entries): fixed order, six decimals, nulls as empty strings. */
class ModerationLedgerEntryTest {

    private static ModerationLedgerEntry entry(int format, String ground, String country, String outcome) {
        return new ModerationLedgerEntry(7, format, ModerationLedgerEntry.COMPLAINT_OUTCOME, "complaint:42", "CR-2026-000001",
                Instant.parse("2026-12-05T23:00:00Z"), Instant.parse("2026-12-06T01:02:03.000004Z"),
                "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "REVIEW", "REMOVE", ground, true, country, outcome,
                "a".repeat(64), null);
    }

    @Test
    void canonicalContentOfFormat3() {
        assertThat(entry(3, "ILLEGAL_CONTENT", "DE", "UPHELD").canonical()).isEqualTo("3|7|COMPLAINT_OUTCOME|complaint:42|"
                + "CR-2026-000001|2026-12-05T23:00:00.000000Z|2026-12-06T01:02:03.000004Z|"
                + "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH|REVIEW|REMOVE|ILLEGAL_CONTENT|true|DE|UPHELD|" + "a".repeat(64));
        assertThat(entry(3, null, null, null).canonical()).contains("|REMOVE||true|||" + "a".repeat(64));
    }

    /** The example of docs/transparency.md: anyone can recompute it with sha256sum. */
    @Test
    void theDocumentedExampleHash() {
        ModerationLedgerEntry entry = new ModerationLedgerEntry(2, 3, ModerationLedgerEntry.MODERATION_DECISION,
                "decision:10", "CR-2026-000001", Instant.parse("2026-12-01T09:30:00Z"),
                Instant.parse("2026-12-01T10:00:00.123456Z"), "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "REVIEW",
                "REMOVE", "ILLEGAL_CONTENT", true, "DE", null,
                "eff976f7ab23b9b719175d8ac47b075c70126a7330e30b3db4cca2100bd6c3f3", null);

        assertThat(com.disclosuredesk.common.Sha256.hex(entry.canonical()))
                .isEqualTo("8708e16c46d8830a3c11280ed29637685da8c68a7274a6182901781568792ccd");
    }

    @Test
    void unknownFormatIsRefused() {
        assertThatThrownBy(() -> entry(2, "ILLEGAL_CONTENT", "DE", null).canonical()).isInstanceOf(IllegalStateException.class);
    }
}
