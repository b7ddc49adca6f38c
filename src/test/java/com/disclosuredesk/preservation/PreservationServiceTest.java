package com.disclosuredesk.preservation;

import static com.disclosuredesk.preservation.PreservationFixture.NOW;
import static com.disclosuredesk.preservation.PreservationFixture.PHONE_ONE;
import static com.disclosuredesk.preservation.PreservationFixture.PHONE_TWO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.support.Repositories;
import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.disclosure.DisclosureDelivery;
import com.disclosuredesk.disclosure.PreservedSnapshot;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.subscribers.TargetData;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Freezing, holding, extending once and deleting a preservation snapshot, on the migrated H2 database. */
class PreservationServiceTest {

    static final String EU = "LO-2026-000001";
    static final List<Target> TARGETS = List.of(new Target(TargetType.USERNAME, "@suspect_one"),
            new Target(TargetType.PHONE, PHONE_TWO), new Target(TargetType.USERNAME, "@nobody_here"));

    PreservationFixture f;
    PreservationService service;

    @BeforeEach
    void setUp() {
        f = new PreservationFixture();
        service = f.preservations;
        f.order(EU, OrderType.EU_PRESERVATION_ORDER, TARGETS, null);
    }

    @Test
    void freezesTheTargetsDataEncryptedWithTheDigestOfThePlaintext() throws Exception {
        PreservationRecord record = service.preserve(EU);

        assertThat(record.trackingNumber()).isEqualTo(EU);
        assertThat(record.targetCount()).isEqualTo(3);
        assertThat(record.accountsFound()).isEqualTo(2);
        assertThat(record.preservedAt()).isEqualTo(NOW);
        assertThat(record.heldUntil()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(record.extended()).isFalse();
        assertThat(record.deletedAt()).isNull();
        assertThat(service.find(EU)).contains(record);

        byte[] stored = f.storedSnapshot(EU);
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(storedText).doesNotContain("198.51.100.1").doesNotContain("4915111110001").doesNotContain("suspect_one");
        byte[] plain = f.cipher.decrypt(stored, EU);
        assertThat(Sha256.hex(plain)).isEqualTo(record.sha256());
        assertThat(new ObjectMapper().readTree(plain).get("categories").toString()).isEqualTo("[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");

        PreservedSnapshot snapshot = service.heldSnapshot(EU).orElseThrow();
        assertThat(snapshot.sha256()).isEqualTo(record.sha256());
        assertThat(snapshot.periodFrom()).isEqualTo(PreservationFixture.FROM);
        assertThat(snapshot.periodTo()).isEqualTo(PreservationFixture.TO);
        assertThat(snapshot.targets()).hasSize(3);
        TargetData one = snapshot.targets().get(0).data();
        assertThat(one.accountId()).isEqualTo(100001L);
        assertThat(one.phoneNumber()).isEqualTo(PHONE_ONE);
        // within the order's period only: the entry of November 5 is not frozen
        assertThat(one.ipEntries()).extracting(TargetData.IpEntry::ip).containsExactly("198.51.100.1", "198.51.100.2");
        assertThat(snapshot.targets().get(1).data().accountId()).isEqualTo(100002L);
        assertThat(snapshot.targets().get(2).data().found()).isFalse();
        assertThat(snapshot.toString()).doesNotContain("198.51").doesNotContain("49151");
    }

    @Test
    void otherPreservationRequestsAreHeldNinetyDays() {
        f.order("LO-2026-000002", OrderType.PRESERVATION_REQUEST, TARGETS, null);
        assertThat(service.preserve("LO-2026-000002").heldUntil()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void onlyCategoriesWithinPolicyAreFrozen() {
        f.order("LO-2026-000002", OrderType.PRESERVATION_REQUEST, TARGETS,
                Set.of(DataCategory.IP_ADDRESS, DataCategory.MESSAGE_CONTENT), PreservationFixture.FROM, PreservationFixture.TO, null);
        service.preserve("LO-2026-000002");
        PreservedSnapshot snapshot = service.heldSnapshot("LO-2026-000002").orElseThrow();
        assertThat(snapshot.categories()).containsExactly(DataCategory.IP_ADDRESS);
        assertThat(snapshot.targets().get(0).data().phoneNumber()).isNull();
        assertThat(snapshot.targets().get(0).data().ipEntries()).hasSize(2);
    }

    @Test
    void preservingAgainReturnsTheFirstRecordAndFreezesNothingNew() {
        PreservationRecord first = service.preserve(EU);
        f.clock.advance(Duration.ofHours(1));
        f.jdbc.update("DELETE FROM sub_ip_log WHERE account_id = 100001");

        assertThat(service.preserve(EU)).isEqualTo(first);
        assertThat(service.heldSnapshot(EU).orElseThrow().targets().get(0).data().ipEntries()).hasSize(2);
        assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM dd_preservation", Integer.class)).isEqualTo(1);
    }

    @Test
    void theReturnedRecordsAreTheStoredOnesToTheMicrosecond() {
        f.clock.set(NOW.plusNanos(123_456_789));
        PreservationRecord preserved = service.preserve(EU);
        assertThat(preserved.preservedAt()).isEqualTo(NOW.plusNanos(123_456_000));
        assertThat(service.find(EU)).contains(preserved);
        f.clock.advance(Duration.ofNanos(1_001));
        assertThat(service.extend(EU)).isEqualTo(service.find(EU).orElseThrow());
        assertThat(service.deleteSnapshot(EU)).isEqualTo(service.find(EU).orElseThrow());
    }

    @Test
    void aProductionOrderIsNotPreserved() {
        f.order("LO-2026-000002", OrderType.COURT_ORDER, TARGETS, null);
        assertThatThrownBy(() -> service.preserve("LO-2026-000002")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a preservation order");
        assertThat(service.find("LO-2026-000002")).isEmpty();
    }

    @Test
    void theHoldIsExtendedOnceFromItsEnd() {
        service.preserve(EU);
        f.clock.advance(Duration.ofDays(50));

        PreservationRecord extended = service.extend(EU);
        assertThat(extended.extended()).isTrue();
        assertThat(extended.heldUntil()).isEqualTo(NOW.plus(Duration.ofDays(60 + 30)));
        assertThat(f.repository.find(EU).orElseThrow().extendedAt()).isEqualTo(NOW.plus(Duration.ofDays(50)));

        assertThatThrownBy(() -> service.extend(EU)).isInstanceOf(PreservationStateException.class)
                .hasMessageContaining("already extended once");
        assertThat(service.find(EU).orElseThrow().heldUntil()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void otherPreservationRequestsAreExtendedByNinetyDays() {
        f.order("LO-2026-000002", OrderType.PRESERVATION_REQUEST, TARGETS, null);
        service.preserve("LO-2026-000002");
        assertThat(service.extend("LO-2026-000002").heldUntil()).isEqualTo(NOW.plus(Duration.ofDays(90 + 90)));
    }

    @Test
    void noExtensionWithoutAHoldAfterItEndedOrAfterDeletion() {
        assertThatThrownBy(() -> service.extend(EU)).isInstanceOf(PreservationStateException.class)
                .hasMessageContaining("No preservation hold is active");

        service.preserve(EU);
        f.clock.advance(Duration.ofDays(60));
        assertThatThrownBy(() -> service.extend(EU)).isInstanceOf(PreservationStateException.class)
                .hasMessageContaining("ended on " + NOW.plus(Duration.ofDays(60)));

        f.clock.set(NOW.plus(Duration.ofDays(1)));
        service.deleteSnapshot(EU);
        assertThatThrownBy(() -> service.extend(EU)).isInstanceOf(PreservationStateException.class)
                .hasMessageContaining("snapshot was deleted");
        assertThat(service.find(EU).orElseThrow().extended()).isFalse();
    }

    @Test
    void deletingTheSnapshotKeepsTheRecordWithItsDigestAndIsIdempotent() {
        PreservationRecord preserved = service.preserve(EU);
        f.clock.advance(Duration.ofDays(3));

        PreservationRecord deleted = service.deleteSnapshot(EU);
        assertThat(deleted.deletedAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(deleted.sha256()).isEqualTo(preserved.sha256());
        assertThat(deleted.targetCount()).isEqualTo(3);
        assertThat(deleted.accountsFound()).isEqualTo(2);
        assertThat(f.storedSnapshot(EU)).isNull();
        assertThat(service.heldSnapshot(EU)).isEmpty();

        f.clock.advance(Duration.ofDays(1));
        assertThat(service.deleteSnapshot(EU)).isEqualTo(deleted);
        // a preservation order withdrawn before anything was frozen: nothing to delete
        assertThat(service.deleteSnapshot("LO-2026-999999")).isNull();
    }

    @Test
    void theDisclosureExpiryJobNeverDeletesASnapshot() {
        service.preserve(EU);
        f.clock.advance(Duration.ofDays(1000));
        new DisclosureDelivery(f.disclosures, Repositories.timeline(f.db, f.clock), f.cipher, f.clock).deleteExpired();
        assertThat(f.storedSnapshot(EU)).isNotNull();
        assertThat(service.find(EU).orElseThrow().deletedAt()).isNull();
    }

    @Test
    void aSnapshotMovedToAnotherOrderCannotBeRead() {
        service.preserve(EU);
        f.order("LO-2026-000002", OrderType.PRESERVATION_REQUEST, TARGETS, null);
        service.preserve("LO-2026-000002");
        f.jdbc.update("UPDATE dd_preservation SET snapshot_content = ? WHERE tracking_number = ?", f.storedSnapshot(EU),
                "LO-2026-000002");
        assertThatThrownBy(() -> service.heldSnapshot("LO-2026-000002")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted");
    }
}
