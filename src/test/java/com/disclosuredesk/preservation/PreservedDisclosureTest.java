package com.disclosuredesk.preservation;

import static com.disclosuredesk.preservation.PreservationFixture.PHONE_TWO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.disclosure.DisclosureResult;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.process.OrderOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A production order that builds on a preservation: what the live directory lost after the preservation is still
 * disclosed from the snapshot, within the production order's own period and approved categories; every target
 * says where its data comes from.
 */
class PreservedDisclosureTest {

    static final String PRESERVATION = "LO-2026-000001";
    static final Instant PRODUCTION_FROM = Instant.parse("2026-09-15T00:00:00Z");

    PreservationFixture f;
    PreservationRecord preserved;

    @BeforeEach
    void preserveThenLoseTheLiveData() {
        f = new PreservationFixture();
        f.order(PRESERVATION, OrderType.EU_PRESERVATION_ORDER, List.of(new Target(TargetType.USERNAME, "@suspect_one"),
                new Target(TargetType.PHONE, PHONE_TWO)), null);
        preserved = f.preservations.preserve(PRESERVATION);
        // after the preservation, the platform's normal retention deletes the IP log of both accounts
        f.jdbc.update("DELETE FROM sub_ip_log WHERE account_id IN (100001, 100002)");
    }

    private void production(String trackingNumber, String preservationReference) {
        f.order(trackingNumber, OrderType.COURT_ORDER, List.of(
                        new Target(TargetType.USERNAME, "@Suspect_One"),      // the same username, in another case
                        new Target(TargetType.ACCOUNT_ID, "100002"),          // the account the preserved phone resolved to
                        new Target(TargetType.USERNAME, "@suspect_three")),   // not preserved
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), PRODUCTION_FROM, PreservationFixture.TO,
                preservationReference);
    }

    private JsonNode packageOf(String trackingNumber) throws Exception {
        byte[] plain = f.cipher.decrypt(f.disclosures.content(trackingNumber).orElseThrow(), trackingNumber);
        return new ObjectMapper().readTree(plain);
    }

    @Test
    void dataDeletedFromTheDirectoryAfterThePreservationIsDisclosedFromTheSnapshot() throws Exception {
        production("LO-2026-000002", PRESERVATION);

        DisclosureResult result = f.disclosure.disclose("LO-2026-000002", EnumSet.of(DataCategory.IP_ADDRESS), "analyst",
                "approver", PreservationFixture.NOW);

        JsonNode pack = packageOf("LO-2026-000002");
        assertThat(pack.at("/preservation/trackingNumber").asText()).isEqualTo(PRESERVATION);
        assertThat(pack.at("/preservation/snapshot").asText()).isEqualTo("HELD");
        assertThat(pack.at("/preservation/snapshotSha256").asText()).isEqualTo(preserved.sha256());
        assertThat(pack.at("/preservation/preservedAt").asText()).isEqualTo(preserved.preservedAt().toString());

        JsonNode one = pack.get("targets").get(0);
        assertThat(one.get("source").asText()).isEqualTo("PRESERVED");
        assertThat(one.at("/preservation/trackingNumber").asText()).isEqualTo(PRESERVATION);
        assertThat(one.at("/preservation/snapshotSha256").asText()).isEqualTo(preserved.sha256());
        assertThat(one.get("result").asText()).isEqualTo("DATA");
        assertThat(one.get("target").get("value").asText()).isEqualTo("@Suspect_One");
        // the production order's period starts on September 15: the preserved entry of September 10 stays back
        assertThat(one.get("ipAddresses").findValuesAsText("ip")).containsExactly("198.51.100.2");
        // PHONE_NUMBER was requested and preserved, but not approved
        assertThat(one.has("phoneNumber")).isFalse();

        JsonNode two = pack.get("targets").get(1);
        assertThat(two.get("source").asText()).isEqualTo("PRESERVED");
        assertThat(two.get("accountId").asLong()).isEqualTo(100002L);
        assertThat(two.get("ipAddresses").findValuesAsText("ip")).containsExactly("198.51.100.20");

        JsonNode three = pack.get("targets").get(2);
        assertThat(three.get("source").asText()).isEqualTo("LIVE");
        assertThat(three.has("preservation")).isFalse();
        assertThat(three.get("ipAddresses").findValuesAsText("ip")).containsExactly("198.51.100.30");

        assertThat(result.outcome()).isEqualTo(OrderOutcome.FULFILLED);
        assertThat(result.usersAffected()).isEqualTo(3);
        assertThat(result.ipEntryCount()).isEqualTo(3);
    }

    @Test
    void withoutTheReferenceTheSameOrderFindsOnlyWhatTheDirectoryStillHolds() throws Exception {
        production("LO-2026-000002", null);

        DisclosureResult result = f.disclosure.disclose("LO-2026-000002", EnumSet.of(DataCategory.IP_ADDRESS), "analyst",
                "approver", PreservationFixture.NOW);

        JsonNode pack = packageOf("LO-2026-000002");
        assertThat(pack.has("preservation")).isFalse();
        assertThat(pack.get("targets").findValuesAsText("source")).containsOnly("LIVE");
        assertThat(pack.get("targets").findValuesAsText("result")).containsExactly("NO_DATA", "NO_DATA", "DATA");
        assertThat(result.usersAffected()).isEqualTo(1);
    }

    @Test
    void approvedCategoriesLimitTheFrozenData() throws Exception {
        production("LO-2026-000002", PRESERVATION);

        f.disclosure.disclose("LO-2026-000002", EnumSet.of(DataCategory.PHONE_NUMBER), "analyst", "approver",
                PreservationFixture.NOW);

        JsonNode one = packageOf("LO-2026-000002").get("targets").get(0);
        assertThat(one.get("source").asText()).isEqualTo("PRESERVED");
        assertThat(one.get("phoneNumber").asText()).isEqualTo(PreservationFixture.PHONE_ONE);
        assertThat(one.has("ipAddresses")).isFalse();
    }

    @Test
    void onceTheSnapshotIsDeletedEveryTargetIsReadLive() throws Exception {
        production("LO-2026-000002", PRESERVATION);
        f.preservations.deleteSnapshot(PRESERVATION);

        DisclosureResult result = f.disclosure.disclose("LO-2026-000002", EnumSet.of(DataCategory.IP_ADDRESS), "analyst",
                "approver", PreservationFixture.NOW);

        JsonNode pack = packageOf("LO-2026-000002");
        assertThat(pack.at("/preservation/trackingNumber").asText()).isEqualTo(PRESERVATION);
        assertThat(pack.at("/preservation/snapshot").asText()).isEqualTo("NOT_HELD");
        assertThat(pack.at("/preservation").has("snapshotSha256")).isFalse();
        assertThat(pack.get("targets").findValuesAsText("source")).containsOnly("LIVE");
        assertThat(pack.get("targets").findValuesAsText("result")).containsExactly("NO_DATA", "NO_DATA", "DATA");
        assertThat(result.usersAffected()).isEqualTo(1);
    }
}
