package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One ledger (issue 17): moderation decisions and complaint outcomes are chained with the legal orders in one
 * sequence, once each, without personal data; verification walks both tables in seq order, in pages, and catches
 * tampering in either table at the entry's sequence number.
 */
class ModerationLedgerTest {

    private static final String EXPLANATION = "Posted by Erika Mustermann, erika@example.org: the evidence shows";

    private DataSource ds;
    private JdbcTemplate jdbc;
    private MutableClock clock;
    private TransparencyLedger ledger;

    @BeforeEach
    void ledger() {
        ds = MigratedDatabase.newDatabase();
        jdbc = new JdbcTemplate(ds);
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.123456789Z"));
        // a page of 2 sequence numbers: the walk crosses pages, and a page may hold entries of both tables
        ledger = new TransparencyLedger(JdbcClient.create(ds), clock, 2);
        jdbc.update("""
                INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, owner_account_id, category,
                    country, status, notice_count, trusted_notice_count, created_at, version)
                VALUES ('CR-2026-000001', 'message:t.me/somechannel/12', 'MESSAGE', 't.me/somechannel/12', 777001,
                    'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'DE', 'DECIDED', 2, 1, ?, 0)
                """, Instant.parse("2026-11-30T08:00:00Z").atOffset(java.time.ZoneOffset.UTC));
        decision(10, "REVIEW", "REMOVE", "ILLEGAL_CONTENT", null);
    }

    private void decision(long id, String kind, String decision, String ground, Long reverses) {
        jdbc.update("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, ground_reference, explanation,
                    threat_to_life, decided_by, decided_at, reverses_id)
                VALUES (?, 'CR-2026-000001', ?, ?, ?, 'StGB 130', ?, FALSE, 'moderator-anna', ?, ?)
                """, id, kind, decision, ground, EXPLANATION,
                Instant.parse("2026-12-01T09:30:00Z").atOffset(java.time.ZoneOffset.UTC), reverses);
    }

    private void complaint(long id, String status) {
        jdbc.update("""
                INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed, received_at,
                    status, reasoning, decided_by, decided_at)
                VALUES (?, 'CR-2026-000001', 'UPLOADER', 10, 'gateway-a', X'00', ?, ?, ?, 'moderator-ben', ?)
                """, id, Instant.parse("2026-12-01T11:00:00Z").atOffset(java.time.ZoneOffset.UTC), status, EXPLANATION,
                Instant.parse("2026-12-01T12:00:00Z").atOffset(java.time.ZoneOffset.UTC));
    }

    /** seq 1 legal order, 2 decision, 3 legal order, 4 complaint outcome, 5 reversal. */
    private void mixedChain() {
        ledger.append(LedgerTestOrders.order("LO-2026-000001", "DE", OrderType.COURT_ORDER, false, 2), OrderOutcome.FULFILLED, 2);
        ledger.decisionInForce(10);
        ledger.append(LedgerTestOrders.order("LO-2026-000002", "FR", OrderType.SUBPOENA, false, 1), OrderOutcome.REJECTED, 0);
        complaint(20, "REVERSED");
        ledger.complaintDecided(20);
        decision(11, "REVERSAL", "NO_ACTION", null, 10L);
        ledger.decisionInForce(11);
    }

    @Test
    void decisionsAndComplaintOutcomesJoinTheOneChain() {
        mixedChain();

        ModerationLedgerEntry decision = ledger.findModeration("decision:10").orElseThrow();
        ModerationLedgerEntry outcome = ledger.findModeration("complaint:20").orElseThrow();
        ModerationLedgerEntry reversal = ledger.findModeration("decision:11").orElseThrow();
        assertThat(decision.seq()).isEqualTo(2);
        assertThat(decision.prevHash()).isEqualTo(ledger.link(1).orElseThrow().entryHash());
        assertThat(ledger.link(3).orElseThrow().prevHash()).isEqualTo(decision.entryHash());
        assertThat(decision).extracting(ModerationLedgerEntry::entryKind, ModerationLedgerEntry::decisionKind,
                        ModerationLedgerEntry::decision, ModerationLedgerEntry::ground, ModerationLedgerEntry::category,
                        ModerationLedgerEntry::trustedFlagger, ModerationLedgerEntry::country)
                .containsExactly("MODERATION_DECISION", "REVIEW", "REMOVE", "ILLEGAL_CONTENT",
                        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", true, "DE");
        assertThat(decision.decidedAt()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(outcome.seq()).isEqualTo(4);
        assertThat(outcome).extracting(ModerationLedgerEntry::entryKind, ModerationLedgerEntry::decision,
                        ModerationLedgerEntry::complaintOutcome)
                .containsExactly("COMPLAINT_OUTCOME", "REMOVE", "REVERSED");
        assertThat(reversal).extracting(ModerationLedgerEntry::seq, ModerationLedgerEntry::decisionKind,
                        ModerationLedgerEntry::decision, ModerationLedgerEntry::ground)
                .containsExactly(5L, "REVERSAL", "NO_ACTION", null);
        assertThat(ledger.head()).isEqualTo(new TransparencyLedger.Head(5, reversal.entryHash()));

        TransparencyLedger.Verification verification = ledger.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.headHash()).isEqualTo(reversal.entryHash());
    }

    @Test
    void aRetriedStepAppendsNothing() {
        mixedChain();
        clock.advance(Duration.ofMinutes(5));

        ledger.decisionInForce(10);
        ledger.complaintDecided(20);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dd_ledger_moderation_entry", Long.class)).isEqualTo(3);
        assertThat(ledger.head().seq()).isEqualTo(5);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void aComplaintNotYetDecidedIsRefused() {
        jdbc.update("""
                INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed, received_at, status)
                VALUES (21, 'CR-2026-000001', 'UPLOADER', 10, 'gateway-a', X'00', CURRENT_TIMESTAMP, 'IN_REVIEW')
                """);

        assertThatThrownBy(() -> ledger.complaintDecided(21)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.head().seq()).isZero();
    }

    @Test
    void noPersonalDataInAModerationEntry() {
        mixedChain();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM dd_ledger_moderation_entry");
        assertThat(rows).hasSize(3);
        for (Map<String, Object> row : rows) {
            String all = row.values().toString();
            assertThat(all).doesNotContain("Erika", "erika@example.org", "evidence", "moderator-anna", "moderator-ben",
                    "777001", "somechannel", "StGB", "gateway-a");
        }
    }

    @Test
    void tamperingWithAModerationEntryIsDetectedAtItsSequenceNumber() {
        mixedChain();

        jdbc.update("UPDATE dd_ledger_moderation_entry SET decision = 'RESTRICT' WHERE seq = 2");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.problem()).contains("does not match its hash");
    }

    @Test
    void aComplaintOutcomeRewrittenAndReHashedBreaksTheLinkOfTheNext() {
        mixedChain();
        ModerationLedgerEntry original = ledger.findModeration("complaint:20").orElseThrow();
        ModerationLedgerEntry forged = new ModerationLedgerEntry(original.seq(), 3, original.entryKind(),
                original.sourceKey(), original.caseNumber(), original.decidedAt(), original.recordedAt(),
                original.category(), original.decisionKind(), original.decision(), original.ground(),
                original.trustedFlagger(), original.country(), "UPHELD", original.prevHash(), null);

        jdbc.update("UPDATE dd_ledger_moderation_entry SET complaint_outcome = 'UPHELD', entry_hash = ? WHERE seq = 4",
                com.disclosuredesk.common.Sha256.hex(forged.canonical()));
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.firstBrokenSeq()).isEqualTo(5);
        assertThat(verification.problem()).contains("does not link");
    }

    @Test
    void tamperingWithALegalOrderEntryIsStillDetected() {
        mixedChain();

        jdbc.update("UPDATE dd_ledger_entry SET users_affected = 99 WHERE seq = 3");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).contains("does not match its hash");
    }

    @Test
    void aDeletedModerationEntryIsReportedMissing() {
        mixedChain();

        jdbc.update("DELETE FROM dd_ledger_moderation_entry WHERE seq = 4");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.firstBrokenSeq()).isEqualTo(4);
        assertThat(verification.problem()).isEqualTo("entry 4 is missing");
    }

    @Test
    void aSequenceNumberInBothTablesIsDetected() {
        mixedChain();
        jdbc.update("""
                INSERT INTO dd_ledger_moderation_entry (seq, format_version, entry_kind, source_key, case_number, decided_at,
                    recorded_at, category, decision_kind, decision, ground, trusted_flagger, country, complaint_outcome,
                    prev_hash, entry_hash)
                SELECT 3, 3, entry_kind, 'decision:99', case_number, decided_at, recorded_at, category, decision_kind,
                    decision, ground, trusted_flagger, country, complaint_outcome, prev_hash, entry_hash
                FROM dd_ledger_moderation_entry WHERE seq = 2
                """);

        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).isEqualTo("entry 3 appears twice");
    }

    @Test
    void incrementalVerificationChecksTheNewSuffixAndTheAnchor() {
        mixedChain();
        TransparencyLedger.Head verified = ledger.head();
        ledger.append(LedgerTestOrders.order("LO-2026-000003", "DE", OrderType.COURT_ORDER, false, 1), OrderOutcome.NO_DATA, 0);
        complaint(22, "UPHELD");
        ledger.complaintDecided(22);

        TransparencyLedger.Verification suffix = ledger.verifySince(verified);
        assertThat(suffix.intact()).isTrue();
        assertThat(suffix.entries()).isEqualTo(7);
        assertThat(suffix).isEqualTo(ledger.verify());

        jdbc.update("UPDATE dd_ledger_moderation_entry SET ground = NULL WHERE seq = 7");
        assertThat(ledger.verifySince(verified).firstBrokenSeq()).isEqualTo(7);

        // the anchor itself re-hashed (a rewrite of the verified prefix's last entry) is caught without a full walk
        jdbc.update("UPDATE dd_ledger_moderation_entry SET entry_hash = ? WHERE seq = 5", "f".repeat(64));
        TransparencyLedger.Verification anchor = ledger.verifySince(verified);
        assertThat(anchor.firstBrokenSeq()).isEqualTo(5);
        assertThat(anchor.problem()).contains("no longer has the hash verified earlier");
    }
}
