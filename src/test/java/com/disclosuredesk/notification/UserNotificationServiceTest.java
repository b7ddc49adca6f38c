package com.disclosuredesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.disclosuredesk.disclosure.DisclosureProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.support.Repositories;
import com.disclosuredesk.disclosure.DisclosureRepository;
import com.disclosuredesk.disclosure.DisclosureService;
import com.disclosuredesk.disclosure.PackageCipher;
import com.disclosuredesk.preservation.PreservationPolicies;
import com.disclosuredesk.preservation.PreservationRepository;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderNotFoundException;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;
import com.disclosuredesk.support.ApplicationJson;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** Whom to notify comes from the disclosure, once per account and order; the text carries only allowed details. */
class UserNotificationServiceTest {

    static final Instant DISCLOSED = Instant.parse("2026-11-22T10:00:00Z");
    static final String SUSPECT_PHONE = "+4915199990000";
    static final String OTHER_IP = "198.51.100.77";

    /**
     * @suspect_one and its phone number are one account (100042, phone and IP); @suspect_two is account 100043 with
     * IP entries only; @nobody has no data.
     */
    static final class FakeDirectory implements SubscriberDirectory {
        @Override
        public TargetData lookup(Target target, Instant periodFrom, Instant periodTo, Set<DataCategory> categories) {
            List<TargetData.IpEntry> ip = categories.contains(DataCategory.IP_ADDRESS)
                    ? List.of(new TargetData.IpEntry("203.0.113.9", 40123, Instant.parse("2026-10-01T12:00:00Z")))
                    : List.of();
            String phone = categories.contains(DataCategory.PHONE_NUMBER) ? SUSPECT_PHONE : null;
            return switch (target.value()) {
                case "@suspect_one", SUSPECT_PHONE -> TargetData.of(100042L, "@suspect_one", phone, ip);
                case "@suspect_two" -> TargetData.of(100043L, "@suspect_two", null, categories.contains(DataCategory.IP_ADDRESS)
                        ? List.of(new TargetData.IpEntry(OTHER_IP, null, Instant.parse("2026-10-02T12:00:00Z"))) : List.of());
                default -> TargetData.noData();
            };
        }
    }

    MutableClock clock;
    OrderRepository orders;
    DisclosureRepository disclosures;
    DisclosureService disclosure;
    UserNotificationService notifications;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        DataSource db = MigratedDatabase.newDatabase();
        jdbc = new JdbcTemplate(db);
        clock = new MutableClock(DISCLOSED);
        orders = Repositories.orders(db, clock);
        disclosures = new DisclosureRepository(JdbcClient.create(db), new Sequences(db));
        String key = Base64.getEncoder().encodeToString("a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII));
        PackageCipher cipher = new PackageCipher(new DisclosureProperties(key, Duration.ofDays(30)), new MockEnvironment());
        FakeDirectory directory = new FakeDirectory();
        disclosure = new DisclosureService(orders, disclosures, directory, cipher, clock, new DisclosureProperties(null, Duration.ofDays(30)),
                new PreservationService(orders, new PreservationRepository(JdbcClient.create(db)), directory, cipher, PreservationPolicies.defaults(), clock,
                ApplicationJson.packageJson()), ApplicationJson.packageJson());
        notifications = new UserNotificationService(JdbcClient.create(db), new Sequences(db), orders, disclosures, clock);
        order("LO-2026-000001", new Target(TargetType.USERNAME, "@suspect_one"), new Target(TargetType.PHONE, SUSPECT_PHONE),
                new Target(TargetType.USERNAME, "@suspect_two"), new Target(TargetType.USERNAME, "@nobody"));
    }

    private void order(String trackingNumber, Target... targets) {
        orders.insert(new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-de", LegalOrder.Channel.API,
                OrderType.COURT_ORDER, new LegalOrder.Authority("Staatsanwaltschaft Berlin", "DE", "cybercrime@sta.berlin.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 11, 20), null,
                Offence.DRUG_TRAFFICKING, true, false, null, List.of(targets),
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), LocalDate.of(2027, 5, 20), null, OrderStatus.AWAITING_APPROVAL, DISCLOSED),
                "a".repeat(64));
    }

    private void disclose(String trackingNumber) {
        disclosure.disclose(trackingNumber, EnumSet.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), "analyst", "approver",
                DISCLOSED);
    }

    @Test
    void oneNotificationPerDisclosedAccountWithTheCategoriesOfThatAccount() {
        disclose("LO-2026-000001");
        clock.advance(Duration.ofDays(180));

        assertThat(notifications.recordFor("LO-2026-000001")).isEqualTo(2);

        List<UserNotification> recorded = notifications.ofOrder("LO-2026-000001");
        assertThat(recorded).extracting(UserNotification::accountId).containsExactly(100042L, 100043L);
        assertThat(recorded).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(UserNotification.Status.PENDING);
            assertThat(n.createdAt()).isEqualTo(DISCLOSED.plus(Duration.ofDays(180)));
            assertThat(n.deliveredAt()).isNull();
        });
        assertThat(recorded.get(0).text()).isEqualTo("Your data was disclosed to Staatsanwaltschaft Berlin (Germany) on 2026-11-22 "
                + "in answer to a court order. Data disclosed: IP addresses and phone number. Tracking number: LO-2026-000001.");
        assertThat(recorded.get(1).text()).contains("Data disclosed: IP addresses.");
    }

    @Test
    void theTextCarriesNoDisclosedDataAndNothingOfOtherPeopleOrTheCase() {
        disclose("LO-2026-000001");
        notifications.recordFor("LO-2026-000001");

        assertThat(notifications.ofOrder("LO-2026-000001")).extracting(UserNotification::text).allSatisfy(text -> assertThat(text)
                .doesNotContain(SUSPECT_PHONE).doesNotContain("4915199990000").doesNotContain("203.0.113.9").doesNotContain(OTHER_IP)
                .doesNotContain("suspect").doesNotContain("nobody").doesNotContain("AZ-LO").doesNotContain("DRUG")
                .doesNotContain("Tiergarten").doesNotContain("cybercrime@"));
    }

    @Test
    void recordingAgainRecordsNothingNewAndKeepsWhatWasDelivered() {
        disclose("LO-2026-000001");
        notifications.recordFor("LO-2026-000001");
        long first = notifications.ofOrder("LO-2026-000001").get(0).id();
        notifications.markDelivered(first);

        assertThat(notifications.recordFor("LO-2026-000001")).isZero();

        assertThat(notifications.ofOrder("LO-2026-000001")).hasSize(2)
                .filteredOn(n -> n.id() == first).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(UserNotification.Status.DELIVERED));
    }

    @Test
    void anOrderWithoutDisclosureOrWithoutDataRecordsNothing() {
        order("LO-2026-000002", new Target(TargetType.USERNAME, "@nobody"));
        order("LO-2026-000003", new Target(TargetType.USERNAME, "@suspect_one"));

        disclose("LO-2026-000002");
        assertThat(notifications.recordFor("LO-2026-000002")).isZero();
        assertThat(notifications.recordFor("LO-2026-000003")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dd_user_notification", Integer.class)).isZero();
        assertThatThrownBy(() -> notifications.recordFor("LO-2026-999999")).isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void theRecordOfDisclosedAccountsOutlivesThePackage() {
        disclose("LO-2026-000001");
        clock.advance(Duration.ofDays(31));
        disclosures.deletePackage("LO-2026-000001", clock.instant());

        assertThat(disclosures.content("LO-2026-000001")).isEmpty();
        assertThat(notifications.recordFor("LO-2026-000001")).isEqualTo(2);
    }

    @Test
    void aDisclosureWithoutRecordedAccountsRecordsNothing() {
        disclose("LO-2026-000001");
        // as a disclosure made before the accounts were recorded (V9)
        jdbc.update("DELETE FROM dd_disclosed_account");

        assertThat(notifications.recordFor("LO-2026-000001")).isZero();
    }

    @Test
    void deliveredOnceAndIdempotent() {
        disclose("LO-2026-000001");
        notifications.recordFor("LO-2026-000001");
        long id = notifications.ofOrder("LO-2026-000001").get(0).id();
        clock.advance(Duration.ofHours(1));

        UserNotification delivered = notifications.markDelivered(id).orElseThrow();
        clock.advance(Duration.ofHours(1));
        UserNotification again = notifications.markDelivered(id).orElseThrow();

        assertThat(delivered.status()).isEqualTo(UserNotification.Status.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(DISCLOSED.plus(Duration.ofHours(1)));
        assertThat(again).isEqualTo(delivered);
        assertThat(notifications.markDelivered(999_999L)).isEmpty();
    }

    @Test
    void listsByStatusNewestFirstInPages() {
        for (int n = 2; n <= 4; n++) {
            order("LO-2026-00000" + n, new Target(TargetType.USERNAME, "@suspect_one"));
        }
        for (int n = 1; n <= 4; n++) {
            disclose("LO-2026-00000" + n);
            notifications.recordFor("LO-2026-00000" + n);
            clock.advance(Duration.ofMinutes(1));
        }
        // five notifications: two of order 1, one each of orders 2 to 4; one of order 3 delivered
        notifications.markDelivered(notifications.ofOrder("LO-2026-000003").get(0).id());

        UserNotificationService.Page pending = notifications.list(Optional.of(UserNotification.Status.PENDING), 0, 2);
        assertThat(pending.totalItems()).isEqualTo(4);
        assertThat(pending.items()).extracting(UserNotification::trackingNumber).containsExactly("LO-2026-000004", "LO-2026-000002");
        UserNotificationService.Page second = notifications.list(Optional.of(UserNotification.Status.PENDING), 1, 2);
        assertThat(second.items()).extracting(UserNotification::trackingNumber, UserNotification::accountId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LO-2026-000001", 100043L),
                        org.assertj.core.groups.Tuple.tuple("LO-2026-000001", 100042L));
        assertThat(notifications.list(Optional.of(UserNotification.Status.PENDING), 2, 2).items()).isEmpty();
        assertThat(notifications.list(Optional.of(UserNotification.Status.DELIVERED), 0, 10).items())
                .extracting(UserNotification::trackingNumber).containsExactly("LO-2026-000003");
        assertThat(notifications.list(Optional.empty(), 0, 10).totalItems()).isEqualTo(5);
    }

    @Test
    void textsOfEveryOrderTypeAndCountry() {
        for (OrderType type : OrderType.values()) {
            assertThat(UserNotificationService.orderTypeText(type)).matches("an? [a-zA-Z ]+");
        }
        assertThat(UserNotificationService.countryName("US")).isEqualTo("United States");
        assertThat(UserNotificationService.categoriesText(EnumSet.of(DataCategory.PHONE_NUMBER))).isEqualTo("phone number");
    }
}
