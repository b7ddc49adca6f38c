package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TransparencyLedgerTest {

    private static final String PHONE = "+4915112345678";
    private static final String USERNAME = "@example_user";

    private DataSource ds;
    private JdbcTemplate jdbc;
    private MutableClock clock;
    private TransparencyLedger ledger;

    @BeforeEach
    void ledger() {
        ds = MigratedDatabase.newDatabase();
        jdbc = new JdbcTemplate(ds);
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.123456789Z"));
        ledger = new TransparencyLedger(JdbcClient.create(ds), clock);
    }

    private static LegalOrder order(String trackingNumber, String country, OrderType type, boolean emergency) {
        return new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-de", LegalOrder.Channel.API, type,
                new LegalOrder.Authority("Staatsanwaltschaft Berlin", country, "cybercrime@sta.berlin.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 11, 20),
                LocalDate.of(2027, 2, 20), Offence.DRUG_TRAFFICKING, true, emergency, emergency ? "Threat to life." : null,
                List.of(new Target(TargetType.USERNAME, USERNAME), new Target(TargetType.PHONE, PHONE),
                        new Target(TargetType.ACCOUNT_ID, "100002")),
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), null, null, OrderStatus.DISCLOSED, Instant.parse("2026-11-21T08:00:00Z"));
    }

    private static LegalOrder order(String trackingNumber) {
        return order(trackingNumber, "DE", OrderType.COURT_ORDER, false);
    }

    private List<LedgerEntry> appendThree() {
        List<LedgerEntry> entries = new ArrayList<>();
        entries.add(ledger.append(order("LO-2026-000001"), OrderOutcome.FULFILLED, 2));
        clock.advance(Duration.ofMinutes(5));
        entries.add(ledger.append(order("LO-2026-000002", "FR", OrderType.EMERGENCY_REQUEST, true), OrderOutcome.NO_DATA, 0));
        clock.advance(Duration.ofMinutes(5));
        entries.add(ledger.append(order("LO-2026-000003", "US", OrderType.SEARCH_WARRANT, false), OrderOutcome.REJECTED, 0));
        return entries;
    }

    @Test
    void emptyLedgerIsIntact() {
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isZero();
        assertThat(verification.headHash()).isEqualTo(TransparencyLedger.GENESIS_HASH);
        assertThat(verification.firstBrokenSeq()).isNull();
    }

    @Test
    void firstEntryLinksToGenesis() {
        LedgerEntry first = ledger.append(order("LO-2026-000001"), OrderOutcome.FULFILLED, 2);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(TransparencyLedger.GENESIS_HASH).isEqualTo("0".repeat(64));
        assertThat(first.entryHash()).matches("[0-9a-f]{64}").isEqualTo(TransparencyLedger.hash(first));
    }

    @Test
    void entryHoldsTheCountsOfTheOrder() {
        LedgerEntry entry = ledger.append(order("LO-2026-000007", "FR", OrderType.EMERGENCY_REQUEST, true),
                OrderOutcome.FULFILLED, 2);

        assertThat(entry.trackingNumber()).isEqualTo("LO-2026-000007");
        assertThat(entry.endedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123456Z"));
        assertThat(entry.periodFrom()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(entry.periodTo()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(entry.authorityCountry()).isEqualTo("FR");
        assertThat(entry.orderType()).isEqualTo("EMERGENCY_REQUEST");
        assertThat(entry.outcome()).isEqualTo(OrderOutcome.FULFILLED);
        assertThat(entry.usersAffected()).isEqualTo(2);
        assertThat(entry.targetsSpecified()).isEqualTo(3);
        assertThat(entry.emergency()).isTrue();
        assertThat(entry.legalProcessClass()).isEqualTo(LegalProcessClass.EMERGENCY);
        assertThat(entry.formatVersion()).isEqualTo(LedgerEntry.FORMAT_V2);
        assertThat(ledger.find("LO-2026-000007")).contains(entry);
    }

    @Test
    void appendsFormAChain() {
        List<LedgerEntry> entries = appendThree();

        assertThat(entries).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).prevHash()).isEqualTo(TransparencyLedger.GENESIS_HASH);
        for (int n = 1; n < entries.size(); n++) {
            assertThat(entries.get(n).prevHash()).isEqualTo(entries.get(n - 1).entryHash());
        }
        assertThat(entries).extracting(LedgerEntry::entryHash).doesNotHaveDuplicates();
        entries.forEach(e -> assertThat(e.entryHash()).isEqualTo(TransparencyLedger.hash(e)));
        assertThat(jdbc.queryForMap("SELECT last_seq, last_hash FROM dd_ledger_head WHERE id = 1"))
                .containsEntry("LAST_SEQ", 3L)
                .containsEntry("LAST_HASH", entries.get(2).entryHash());
    }

    @Test
    void storedEntriesAreTheAppendedOnes() {
        List<LedgerEntry> entries = appendThree();

        for (LedgerEntry entry : entries) {
            assertThat(ledger.find(entry.trackingNumber())).contains(entry);
        }
        assertThat(ledger.find("LO-2026-999999")).isEmpty();
    }

    @Test
    void intactChainVerifies() {
        List<LedgerEntry> entries = appendThree();

        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.headHash()).isEqualTo(entries.get(2).entryHash());
        assertThat(verification.firstBrokenSeq()).isNull();
        assertThat(verification.problem()).isNull();
    }

    @Test
    void appendIsIdempotentPerTrackingNumber() {
        LedgerEntry first = ledger.append(order("LO-2026-000001"), OrderOutcome.FULFILLED, 2);
        clock.advance(Duration.ofHours(1));

        LedgerEntry retried = ledger.append(order("LO-2026-000001"), OrderOutcome.REJECTED, 0);

        assertThat(retried).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dd_ledger_entry", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_seq FROM dd_ledger_head", Long.class)).isEqualTo(1);
        LedgerEntry next = ledger.append(order("LO-2026-000002"), OrderOutcome.WITHDRAWN, 0);
        assertThat(next.seq()).isEqualTo(2);
        assertThat(next.prevHash()).isEqualTo(first.entryHash());
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void changedContentBreaksTheChainAtThatEntry() {
        appendThree();

        jdbc.update("UPDATE dd_ledger_entry SET users_affected = 99 WHERE seq = 2");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.problem()).contains("does not match its hash");
    }

    @Test
    void changedOutcomeOfTheFirstEntryIsDetected() {
        appendThree();

        jdbc.update("UPDATE dd_ledger_entry SET outcome = 'REJECTED' WHERE seq = 1");

        assertThat(ledger.verify().firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void rewrittenEntryWithRecomputedHashBreaksTheLinkOfTheNext() {
        List<LedgerEntry> entries = appendThree();
        LedgerEntry original = entries.get(1);
        LedgerEntry forged = new LedgerEntry(original.seq(), original.formatVersion(), original.trackingNumber(),
                original.endedAt(), original.periodFrom(), original.periodTo(), original.authorityCountry(),
                original.orderType(), original.legalProcessClass(), original.outcome(), 99, original.targetsSpecified(),
                original.emergency(), original.prevHash(), null);

        jdbc.update("UPDATE dd_ledger_entry SET users_affected = 99, entry_hash = ? WHERE seq = 2",
                TransparencyLedger.hash(forged));
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).contains("does not link");
    }

    @Test
    void deletedLastEntryBreaksTheHead() {
        appendThree();

        jdbc.update("DELETE FROM dd_ledger_entry WHERE seq = 3");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.entries()).isEqualTo(2);
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).contains("head does not match");
    }

    @Test
    void deletedMiddleEntryIsReportedMissing() {
        appendThree();

        jdbc.update("DELETE FROM dd_ledger_entry WHERE seq = 2");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("entry 2 is missing");
    }

    @Test
    void changedLegalProcessClassIsDetected() {
        appendThree();

        jdbc.update("UPDATE dd_ledger_entry SET legal_process_class = 'SUBPOENA' WHERE seq = 3");
        TransparencyLedger.Verification verification = ledger.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).contains("legal-process class");
    }

    @Test
    void changedOrderTypeWithMatchingClassStillBreaksTheHash() {
        appendThree();

        jdbc.update("UPDATE dd_ledger_entry SET order_type = 'SUBPOENA', legal_process_class = 'SUBPOENA' WHERE seq = 1");

        assertThat(ledger.verify().firstBrokenSeq()).isEqualTo(1);
        assertThat(ledger.verify().problem()).contains("does not match its hash");
    }

    @Test
    void downgradedFormatVersionIsDetected() {
        appendThree();

        jdbc.update("UPDATE dd_ledger_entry SET format_version = 1 WHERE seq = 2");

        assertThat(ledger.verify().firstBrokenSeq()).isEqualTo(2);
        jdbc.update("UPDATE dd_ledger_entry SET format_version = 3 WHERE seq = 2");
        assertThat(ledger.verify().problem()).contains("unknown format version 3");
    }

    @Test
    void canonicalContentOfFormat2() {
        LedgerEntry entry = ledger.append(order("LO-2026-000001"), OrderOutcome.FULFILLED, 2);

        assertThat(entry.canonical()).isEqualTo("2|1|LO-2026-000001|2026-12-01T10:00:00.123456Z"
                + "|2026-09-01T00:00:00.000000Z|2026-11-01T00:00:00.000000Z|DE|COURT_ORDER|JUDICIAL_ORDER|FULFILLED|2|3|false|"
                + "0".repeat(64));
        assertThat(entry.entryHash()).isEqualTo(com.disclosuredesk.common.Sha256.hex(entry.canonical()))
                .as("the sha256sum example of docs/transparency.md")
                .isEqualTo("eff976f7ab23b9b719175d8ac47b075c70126a7330e30b3db4cca2100bd6c3f3");
    }

    @Test
    void everyOrderTypeHasItsLegalProcessClass() {
        assertThat(LegalProcessClass.of(OrderType.COURT_ORDER)).isEqualTo(LegalProcessClass.JUDICIAL_ORDER);
        assertThat(LegalProcessClass.of(OrderType.SEARCH_WARRANT)).isEqualTo(LegalProcessClass.JUDICIAL_ORDER);
        assertThat(LegalProcessClass.of(OrderType.SUBPOENA)).isEqualTo(LegalProcessClass.SUBPOENA);
        assertThat(LegalProcessClass.of(OrderType.EMERGENCY_REQUEST)).isEqualTo(LegalProcessClass.EMERGENCY);
        assertThat(LegalProcessClass.of(OrderType.EU_PRODUCTION_ORDER)).isEqualTo(LegalProcessClass.EU_PRODUCTION_ORDER);
        assertThat(LegalProcessClass.of(OrderType.PRESERVATION_REQUEST)).isEqualTo(LegalProcessClass.PRESERVATION);
        assertThat(LegalProcessClass.of(OrderType.EU_PRESERVATION_ORDER)).isEqualTo(LegalProcessClass.PRESERVATION);
    }

    @Test
    void ledgerHoldsNoTargetValue() {
        appendThree();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM dd_ledger_entry");

        assertThat(rows).hasSize(3);
        for (Map<String, Object> row : rows) {
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                    .doesNotContain(PHONE).doesNotContain("15112345678").doesNotContain(USERNAME).doesNotContain("100002"));
        }
        assertThat(ledger.find("LO-2026-000001")).get().extracting(LedgerEntry::canonical).asString()
                .doesNotContain(PHONE).doesNotContain(USERNAME).doesNotContain("100002");
    }
}
