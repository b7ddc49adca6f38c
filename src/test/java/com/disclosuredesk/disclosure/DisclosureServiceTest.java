package com.disclosuredesk.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.support.Repositories;
import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.preservation.PreservationPolicies;
import com.disclosuredesk.preservation.PreservationRepository;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;
import com.disclosuredesk.support.ApplicationJson;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The package: exactly what was approved, every target listed, encrypted at rest, made once, expiring. */
class DisclosureServiceTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    /** A directory that knows one account and records what it was asked. */
    static final class FakeDirectory implements SubscriberDirectory {
        final List<Set<DataCategory>> askedFor = new ArrayList<>();

        @Override
        public TargetData lookup(Target target, Instant periodFrom, Instant periodTo, Set<DataCategory> categories) {
            askedFor.add(categories);
            if (!target.value().equals("@suspect_one")) {
                return TargetData.noData();
            }
            return TargetData.of(100042L, "@suspect_one",
                    categories.contains(DataCategory.PHONE_NUMBER) ? "+4915199990000" : null,
                    categories.contains(DataCategory.IP_ADDRESS)
                            ? List.of(new TargetData.IpEntry("203.0.113.9", 40123, Instant.parse("2026-10-01T12:00:00Z")))
                            : List.of());
        }
    }

    DataSource db;
    OrderRepository orders;
    DisclosureRepository disclosures;
    FakeDirectory directory;
    PackageCipher cipher;
    MutableClock clock;
    DisclosureService service;

    @BeforeEach
    void setUp() {
        db = MigratedDatabase.newDatabase();
        clock = new MutableClock(NOW);
        orders = Repositories.orders(db, clock);
        disclosures = new DisclosureRepository(JdbcClient.create(db), new Sequences(db));
        directory = new FakeDirectory();
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        cipher = new PackageCipher(new DisclosureProperties(PackageCipher.DEMO_KEY, Duration.ofDays(30)), demo);
        service = new DisclosureService(orders, disclosures, directory, cipher, clock, new DisclosureProperties(null, Duration.ofDays(30)),
                new PreservationService(orders, new PreservationRepository(JdbcClient.create(db)), directory, cipher, PreservationPolicies.defaults(), clock,
                ApplicationJson.packageJson()), ApplicationJson.packageJson());
        orders.insert(new LegalOrder("LO-2026-000001", "AZ-1", "police-de", LegalOrder.Channel.API, OrderType.COURT_ORDER,
                new LegalOrder.Authority("Staatsanwaltschaft Berlin", "DE", null),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 11, 20), null,
                Offence.FRAUD, true, false, null,
                List.of(new Target(TargetType.USERNAME, "@suspect_one"), new Target(TargetType.PHONE, "+4915100000000")),
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), FROM, TO, null, null, OrderStatus.RECEIVED, NOW),
                "a".repeat(64));
    }

    private JsonNode packageOf(String trackingNumber) throws Exception {
        byte[] plain = cipher.decrypt(disclosures.content(trackingNumber).orElseThrow(), trackingNumber);
        return new ObjectMapper().readTree(plain);
    }

    @Test
    void listsEveryTargetAndOnlyTheApprovedCategories() throws Exception {
        DisclosureResult result = service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst",
                "approver", NOW.minusSeconds(60));

        assertThat(directory.askedFor).allSatisfy(c -> assertThat(c).containsExactly(DataCategory.IP_ADDRESS));
        JsonNode pack = packageOf("LO-2026-000001");
        assertThat(pack.get("categories").toString()).isEqualTo("[\"IP_ADDRESS\"]");
        assertThat(pack.get("targets")).hasSize(2);
        JsonNode found = pack.get("targets").get(0);
        assertThat(found.get("result").asText()).isEqualTo("DATA");
        assertThat(found.has("phoneNumber")).isFalse();
        assertThat(found.get("ipAddresses").get(0).get("ip").asText()).isEqualTo("203.0.113.9");
        assertThat(found.get("ipAddresses").get(0).get("seenAt").asText()).isEqualTo("2026-10-01T12:00:00Z");
        assertThat(found.get("source").asText()).isEqualTo("LIVE");
        assertThat(pack.has("preservation")).isFalse();
        assertThat(pack.get("targets").get(1).get("result").asText()).isEqualTo("NO_DATA");
        assertThat(pack.get("targets").get(1).get("source").asText()).isEqualTo("LIVE");
        assertThat(pack.get("targets").get(1).get("target").get("value").asText()).isEqualTo("+4915100000000");

        assertThat(result.outcome()).isEqualTo(OrderOutcome.FULFILLED);
        assertThat(result.usersAffected()).isEqualTo(1);
        assertThat(result.targetCount()).isEqualTo(2);
        assertThat(result.ipEntryCount()).isEqualTo(1);
    }

    @Test
    void recordsTheProofAndStoresThePackageEncrypted() throws Exception {
        DisclosureResult result = service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER),
                "analyst", "approver", NOW.minusSeconds(60));

        byte[] stored = disclosures.content("LO-2026-000001").orElseThrow();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("203.0.113.9").doesNotContain("4915199990000");
        byte[] plain = cipher.decrypt(stored, "LO-2026-000001");
        assertThat(Sha256.hex(plain)).isEqualTo(result.sha256());
        assertThat(packageOf("LO-2026-000001").get("targets").get(0).get("phoneNumber").asText()).isEqualTo("+4915199990000");

        DisclosureRepository.Record record = disclosures.findByOrder("LO-2026-000001").orElseThrow();
        assertThat(record.sha256()).isEqualTo(result.sha256());
        assertThat(record.analysedBy()).isEqualTo("analyst");
        assertThat(record.approvedBy()).isEqualTo("approver");
        assertThat(record.approvedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(record.categories()).isEqualTo("IP_ADDRESS,PHONE_NUMBER");
        assertThat(record.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aRetriedDisclosureReturnsTheFirstOneAndAsksTheDirectoryNoMore() {
        DisclosureResult first = service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver", NOW);
        int lookups = directory.askedFor.size();
        DisclosureResult again = service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver", NOW);
        assertThat(again).isEqualTo(first);
        assertThat(directory.askedFor).hasSize(lookups);
    }

    @Test
    void noTargetWithDataIsTheOutcomeNoData() {
        orders.applyCorrection(withTargets(orders.get("LO-2026-000001"), List.of(new Target(TargetType.USERNAME, "@nobody_at_all"))));
        DisclosureResult result = service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver", NOW);
        assertThat(result.outcome()).isEqualTo(OrderOutcome.NO_DATA);
        assertThat(result.usersAffected()).isZero();
    }

    @Test
    void expiredPackagesAreDeletedAndTheirRecordStays() {
        DisclosureResult result = service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver", NOW);
        DisclosureDelivery delivery = new DisclosureDelivery(disclosures, Repositories.timeline(db, clock), cipher, clock);

        assertThat(delivery.download("LO-2026-000001", "police-de").sha256()).isEqualTo(result.sha256());
        assertThat(disclosures.downloads("LO-2026-000001")).singleElement()
                .satisfies(d -> assertThat(d.downloadedBy()).isEqualTo("police-de"));

        clock.advance(Duration.ofDays(29));
        assertThat(delivery.deleteExpired()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.deleteExpired()).isEqualTo(1);
        assertThat(delivery.deleteExpired()).isZero();

        assertThat(disclosures.content("LO-2026-000001")).isEmpty();
        DisclosureRepository.Record record = disclosures.findByOrder("LO-2026-000001").orElseThrow();
        assertThat(record.sha256()).isEqualTo(result.sha256());
        assertThat(record.packageDeletedAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> delivery.download("LO-2026-000001", "police-de"))
                .isInstanceOf(DisclosureNotAvailableException.class).hasMessageContaining(result.sha256());
    }

    @Test
    void recordsTheDisclosedAccountsWithWhatWasDisclosedOfEach() {
        service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), "analyst", "approver", NOW);
        assertThat(disclosures.disclosedAccounts("LO-2026-000001")).containsExactly(new DisclosureRepository.DisclosedAccount(
                100042L, EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER)));

        orders.applyCorrection(withTargets(orders.get("LO-2026-000001"), List.of(new Target(TargetType.USERNAME, "@suspect_one"))));
        orders.insert(withTrackingNumber(orders.get("LO-2026-000001"), "LO-2026-000002"), "b".repeat(64));
        service.disclose("LO-2026-000002", EnumSet.of(DataCategory.PHONE_NUMBER), "analyst", "approver", NOW);
        assertThat(disclosures.disclosedAccounts("LO-2026-000002")).containsExactly(new DisclosureRepository.DisclosedAccount(
                100042L, EnumSet.of(DataCategory.PHONE_NUMBER)));
    }

    @Test
    void anIpEntryWithoutPortIsDisclosedWithAPortOfNull() throws Exception {
        SubscriberDirectory withoutPort = (target, from, to, categories) -> target.value().equals("@suspect_one")
                ? TargetData.of(100042L, "@suspect_one", null,
                        List.of(new TargetData.IpEntry("203.0.113.10", null, Instant.parse("2026-10-03T08:00:00Z"))))
                : TargetData.noData();
        DisclosureService service = new DisclosureService(orders, disclosures, withoutPort, cipher, clock, new DisclosureProperties(null, Duration.ofDays(30)),
                new PreservationService(orders, new PreservationRepository(JdbcClient.create(db)), withoutPort, cipher, PreservationPolicies.defaults(), clock,
                ApplicationJson.packageJson()), ApplicationJson.packageJson());

        service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver", NOW);

        JsonNode entry = packageOf("LO-2026-000001").get("targets").get(0).get("ipAddresses").get(0);
        assertThat(entry.get("ip").asText()).isEqualTo("203.0.113.10");
        assertThat(entry.get("port").isNull()).isTrue();
        assertThat(entry.get("seenAt").asText()).isEqualTo("2026-10-03T08:00:00Z");
    }

    @Test
    void recordsNoAccountWithoutData() {
        orders.applyCorrection(withTargets(orders.get("LO-2026-000001"), List.of(new Target(TargetType.USERNAME, "@nobody_at_all"))));
        service.disclose("LO-2026-000001", EnumSet.of(DataCategory.IP_ADDRESS), "analyst", "approver", NOW);
        assertThat(disclosures.disclosedAccounts("LO-2026-000001")).isEmpty();
    }

    private static LegalOrder withTrackingNumber(LegalOrder o, String trackingNumber) {
        return new LegalOrder(trackingNumber, o.reference() + "-2", o.submittedBy(), o.channel(), o.orderType(), o.authority(),
                o.issuer(), o.issuedOn(), o.validUntil(), o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(),
                o.targets(), o.dataCategories(), o.periodFrom(), o.periodTo(), o.nonDisclosureUntil(), o.documentSha256(),
                o.status(), o.receivedAt());
    }

    private static LegalOrder withTargets(LegalOrder o, List<Target> targets) {
        return new LegalOrder(o.trackingNumber(), o.reference(), o.submittedBy(), o.channel(), o.orderType(), o.authority(),
                o.issuer(), o.issuedOn(), o.validUntil(), o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(),
                targets, o.dataCategories(), o.periodFrom(), o.periodTo(), o.nonDisclosureUntil(), o.documentSha256(),
                o.status(), o.receivedAt());
    }
}
