package com.disclosuredesk.preservation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.disclosuredesk.disclosure.DisclosureProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.support.Repositories;
import com.disclosuredesk.disclosure.DisclosureRepository;
import com.disclosuredesk.disclosure.DisclosureService;
import com.disclosuredesk.disclosure.PackageCipher;
import com.disclosuredesk.disclosure.PackageJson;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.subscribers.JdbcSubscriberDirectory;
import com.disclosuredesk.support.ApplicationJson;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * A migrated in-memory database with a small subscriber directory of its own (three accounts whose data the tests
 * know exactly), the real JDBC directory, the demo cipher and a clock that stands still.
 */
final class PreservationFixture {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");

    static final String PHONE_ONE = "+4915111110001";
    static final String PHONE_TWO = "+4915111110002";
    static final String PHONE_THREE = "+4915111110003";

    final DataSource db = MigratedDatabase.newDatabase();
    final JdbcTemplate jdbc = new JdbcTemplate(db);
    final MutableClock clock = new MutableClock(NOW);
    final OrderRepository orders = Repositories.orders(db, clock);
    final PreservationRepository repository = new PreservationRepository(JdbcClient.create(db));
    final JdbcSubscriberDirectory directory = new JdbcSubscriberDirectory(JdbcClient.create(db));
    final PackageCipher cipher;
    final PreservationService preservations;
    final DisclosureRepository disclosures = new DisclosureRepository(JdbcClient.create(db), new Sequences(db));
    final DisclosureService disclosure;

    PreservationFixture() {
        this(ApplicationJson.packageJson());
    }

    /** With the documents written by the given {@link PackageJson} (the application's mapper, in PackageGoldenTest). */
    PreservationFixture(PackageJson json) {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        cipher = new PackageCipher(new DisclosureProperties("ZGVtby1rZXktZGlzY2xvc3VyZS1kZXNrLWRlbW8tMDE=", Duration.ofDays(30)), demo);
        preservations = new PreservationService(orders, repository, directory, cipher, PreservationPolicies.defaults(), clock, json);
        disclosure = new DisclosureService(orders, disclosures, directory, cipher, clock, new DisclosureProperties(null, Duration.ofDays(30)), preservations, json);
        account(100001, "@suspect_one", PHONE_ONE);
        ip(1, 100001, "198.51.100.1", "2026-09-10T08:00:00Z");
        ip(2, 100001, "198.51.100.2", "2026-10-15T09:30:00Z");
        ip(3, 100001, "198.51.100.3", "2026-11-05T10:00:00Z");
        account(100002, "@suspect_two", PHONE_TWO);
        ip(4, 100002, "198.51.100.20", "2026-09-20T12:00:00Z");
        account(100003, "@suspect_three", PHONE_THREE);
        ip(5, 100003, "198.51.100.30", "2026-10-01T07:00:00Z");
    }

    private void account(long id, String username, String phone) {
        jdbc.update("INSERT INTO sub_account (id, username, phone_e164, created_at) VALUES (?, ?, ?, ?)", id, username, phone,
                OffsetDateTime.parse("2025-01-01T00:00:00Z"));
    }

    private void ip(long id, long account, String address, String seenAt) {
        jdbc.update("INSERT INTO sub_ip_log (id, account_id, ip_address, port, seen_at) VALUES (?, ?, ?, ?, ?)", id, account,
                address, 40000 + (int) id, OffsetDateTime.parse(seenAt));
    }

    /** Stores an order of the police's intake account (DE) for the targets, Sep 1 to Nov 1, IP and phone. */
    LegalOrder order(String trackingNumber, OrderType type, List<Target> targets, String preservationReference) {
        return order(trackingNumber, type, targets, Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), FROM, TO,
                preservationReference);
    }

    LegalOrder order(String trackingNumber, OrderType type, List<Target> targets, Set<DataCategory> categories, Instant from,
                     Instant to, String preservationReference) {
        LegalOrder order = new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-de", LegalOrder.Channel.API, type,
                new LegalOrder.Authority("Staatsanwaltschaft Berlin", "DE", null),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 11, 20), null,
                Offence.FRAUD, true, false, null, targets, categories, from, to, null, null, OrderStatus.RECEIVED, NOW,
                preservationReference);
        orders.insert(order, "a".repeat(64));
        return order;
    }

    /** The stored snapshot column as it is in the table (encrypted), or null once deleted. */
    byte[] storedSnapshot(String trackingNumber) {
        return jdbc.queryForObject("SELECT snapshot_content FROM dd_preservation WHERE tracking_number = ?", byte[].class,
                trackingNumber);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
