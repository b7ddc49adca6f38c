package com.disclosuredesk.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.disclosuredesk.support.Repositories;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

class OrderRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:15:30.123456Z");

    private JdbcTemplate jdbc;
    private MutableClock clock;
    private OrderRepository orders;
    private OrderTimeline timeline;
    private OrderOutbox outbox;

    @BeforeEach
    void repository() {
        DataSource ds = MigratedDatabase.newDatabase();
        jdbc = new JdbcTemplate(ds);
        clock = new MutableClock(NOW);
        orders = Repositories.orders(ds, clock);
        timeline = Repositories.timeline(ds, clock);
        outbox = Repositories.outbox(ds, clock);
    }

    /** The spec's example order. */
    private static LegalOrder order(String trackingNumber, String country, String authorityName, String reference) {
        return new LegalOrder(trackingNumber, reference, "police-de", LegalOrder.Channel.API, OrderType.COURT_ORDER,
                new LegalOrder.Authority(authorityName, country, "cybercrime@sta.berlin.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 11, 20),
                LocalDate.of(2027, 2, 20), Offence.DRUG_TRAFFICKING, true, false, null,
                List.of(new Target(TargetType.USERNAME, "@example_user"), new Target(TargetType.PHONE, "+4915112345678"),
                        new Target(TargetType.ACCOUNT_ID, "100002")),
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), LocalDate.of(2027, 5, 20),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", OrderStatus.RECEIVED, NOW);
    }

    private static LegalOrder order(String trackingNumber) {
        return order(trackingNumber, "DE", "Staatsanwaltschaft Berlin", "AZ-2026-4711");
    }

    @Test
    void insertedOrderReadsBackEqual() {
        LegalOrder order = order("LO-2026-000001");

        orders.insert(order, "a".repeat(64));

        LegalOrder stored = orders.get("LO-2026-000001");
        assertThat(stored).isEqualTo(order);
        assertThat(stored.targets()).containsExactly(
                new Target(TargetType.USERNAME, "@example_user"),
                new Target(TargetType.PHONE, "+4915112345678"),
                new Target(TargetType.ACCOUNT_ID, "100002"));
        assertThat(stored.dataCategories()).containsExactlyInAnyOrder(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER);
        assertThat(stored.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(stored.periodFrom()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(stored.receivedAt()).isEqualTo(NOW);
        assertThat(orders.find("LO-2026-000001")).contains(order);
    }

    @Test
    void orderWithoutOptionalFieldsAndWithOtherCategoriesReadsBackEqual() {
        LegalOrder full = order("LO-2026-000002");
        LegalOrder order = new LegalOrder(full.trackingNumber(), full.reference(), "analyst", LegalOrder.Channel.TASKLIST,
                OrderType.EMERGENCY_REQUEST, new LegalOrder.Authority("Polizei Berlin", "DE", null),
                new LegalOrder.Issuer(IssuerType.POLICE, "LKA 7"), full.issuedOn(), null, Offence.VIOLENT_THREATS, false, true,
                "Threat to kill a named person.", List.of(new Target(TargetType.ACCOUNT_ID, "42")),
                EnumSet.of(DataCategory.CONTACTS, DataCategory.MESSAGE_CONTENT, DataCategory.IP_ADDRESS), full.periodFrom(),
                Instant.parse("2026-11-01T12:34:56.789012Z"), null, null, OrderStatus.NEEDS_VERIFICATION, full.receivedAt());

        orders.insert(order, "b".repeat(64));

        assertThat(orders.get("LO-2026-000002")).isEqualTo(order);
        assertThat(jdbc.queryForObject("SELECT data_categories FROM dd_legal_order", String.class))
                .isEqualTo("CONTACTS,IP_ADDRESS,MESSAGE_CONTENT");
    }

    @Test
    void theReferenceToAPreservationOrderReadsBackAndSurvivesACorrection() {
        orders.insert(withType(order("LO-2026-000001"), OrderType.EU_PRESERVATION_ORDER, null), "a".repeat(64));
        LegalOrder production = withType(order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", "AZ-2026-4712"),
                OrderType.EU_PRODUCTION_ORDER, "LO-2026-000001");

        orders.insert(production, "b".repeat(64));
        orders.applyCorrection(new LegalOrder(production.trackingNumber(), production.reference(), production.submittedBy(),
                production.channel(), production.orderType(), production.authority(), production.issuer(), production.issuedOn(),
                production.validUntil(), Offence.FRAUD, true, false, null, production.targets(), production.dataCategories(),
                production.periodFrom(), production.periodTo(), production.nonDisclosureUntil(), production.documentSha256(),
                production.status(), production.receivedAt(), null));

        assertThat(orders.get("LO-2026-000002").preservationReference()).isEqualTo("LO-2026-000001");
        assertThat(orders.get("LO-2026-000002").offence()).isEqualTo(Offence.FRAUD);
        assertThat(orders.get("LO-2026-000001").preservationReference()).isNull();
        assertThat(orders.origin("LO-2026-000001")).contains(new OrderRepository.Origin("police-de", OrderType.EU_PRESERVATION_ORDER));
        assertThat(orders.origin("LO-2026-999999")).isEmpty();
    }

    @Test
    void theNonDisclosureDateIsExtendedOnTheOrder() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));
        clock.advance(Duration.ofDays(3));

        orders.updateNonDisclosureUntil("LO-2026-000001", LocalDate.of(2027, 8, 20));

        assertThat(orders.get("LO-2026-000001").nonDisclosureUntil()).isEqualTo(LocalDate.of(2027, 8, 20));
        assertThat(orders.status("LO-2026-000001").orElseThrow().updatedAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    private static LegalOrder withType(LegalOrder o, OrderType type, String preservationReference) {
        return new LegalOrder(o.trackingNumber(), o.reference(), o.submittedBy(), o.channel(), type, o.authority(), o.issuer(),
                o.issuedOn(), o.validUntil(), o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(),
                o.dataCategories(), o.periodFrom(), o.periodTo(), o.nonDisclosureUntil(), o.documentSha256(), o.status(),
                o.receivedAt(), preservationReference);
    }

    @Test
    void instantsAreStoredInUtc() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));

        List<OffsetDateTime> stored = jdbc.query(
                "SELECT period_from, period_to, received_at, updated_at FROM dd_legal_order",
                (rs, i) -> List.of(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class))).get(0);

        assertThat(stored).extracting(OffsetDateTime::getOffset).containsOnly(ZoneOffset.UTC);
        assertThat(stored.get(0)).isEqualTo(OffsetDateTime.parse("2026-09-01T00:00:00Z"));
        assertThat(stored.get(2).toInstant()).isEqualTo(NOW);
    }

    @Test
    void unknownOrderIsNotFound() {
        assertThat(orders.find("LO-2026-999999")).isEmpty();
        assertThatThrownBy(() -> orders.get("LO-2026-999999"))
                .isInstanceOf(OrderNotFoundException.class)
                .hasMessageContaining("LO-2026-999999");
        assertThat(orders.status("LO-2026-999999")).isEmpty();
        assertThat(orders.submittedBy("LO-2026-999999")).isEmpty();
    }

    @Test
    void trackingNumbersHaveTheYearAndSixDigitsAndIncrease() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(orders.nextTrackingNumber());
        }

        assertThat(numbers).allSatisfy(n -> assertThat(n).matches("LO-2026-\\d{6}")).doesNotHaveDuplicates();
        assertThat(numbers).isSortedAccordingTo(String::compareTo);
        assertThat(numbers.get(0)).isEqualTo("LO-2026-000001");
        assertThat(numbers.get(4)).isEqualTo("LO-2026-000005");
    }

    @Test
    void trackingNumberTakesTheYearFromTheClockInUtc() {
        orders.nextTrackingNumber();
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(orders.nextTrackingNumber()).isEqualTo("LO-2027-000002");
    }

    @Test
    void authorityKeyIgnoresCaseAndWhitespace() {
        assertThat(OrderRepository.authorityKey("de", "  Staatsanwaltschaft \t  BERLIN ")).isEqualTo("DE:staatsanwaltschaft berlin");
        assertThat(OrderRepository.authorityKey("DE", "Staatsanwaltschaft Berlin"))
                .isEqualTo(OrderRepository.authorityKey("de", "staatsanwaltschaft  berlin"));
        assertThat(OrderRepository.authorityKey("AT", "Staatsanwaltschaft Berlin"))
                .isNotEqualTo(OrderRepository.authorityKey("DE", "Staatsanwaltschaft Berlin"));
    }

    @Test
    void storesTheNormalizedAuthorityKey() {
        orders.insert(order("LO-2026-000001", "DE", " Staatsanwaltschaft  Berlin", "AZ-1"), "a".repeat(64));

        assertThat(jdbc.queryForObject("SELECT authority_key FROM dd_legal_order", String.class))
                .isEqualTo("DE:staatsanwaltschaft berlin");
    }

    @Test
    void findsAnOrderByAuthorityAndReference() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));

        assertThat(orders.findByAuthorityAndReference("de", "STAATSANWALTSCHAFT   berlin ", "AZ-2026-4711"))
                .contains(new OrderRepository.StoredOrder("LO-2026-000001", "a".repeat(64), "police-de"));
        assertThat(orders.findByAuthorityAndReference("DE", "Staatsanwaltschaft Berlin", "AZ-2026-4712")).isEmpty();
        assertThat(orders.findByAuthorityAndReference("DE", "Staatsanwaltschaft Hamburg", "AZ-2026-4711")).isEmpty();
        assertThat(orders.findByAuthorityAndReference("AT", "Staatsanwaltschaft Berlin", "AZ-2026-4711")).isEmpty();
    }

    @Test
    void sameAuthorityAndReferenceCannotBeStoredTwice() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));
        LegalOrder again = order("LO-2026-000002", "de", "staatsanwaltschaft  BERLIN", "AZ-2026-4711");

        assertThatThrownBy(() -> orders.insert(again, "b".repeat(64))).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(orders.count()).isEqualTo(1);
        assertThat(orders.find("LO-2026-000002")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dd_order_target", Long.class)).isEqualTo(3);
    }

    @Test
    void sameReferenceOfAnotherAuthorityIsAnotherOrder() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));
        orders.insert(order("LO-2026-000002", "DE", "Staatsanwaltschaft Hamburg", "AZ-2026-4711"), "b".repeat(64));

        assertThat(orders.count()).isEqualTo(2);
    }

    @Test
    void statusUpdatesKeepTheOutcomeReplaceTheReasonAndTellTheAuthority() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));
        assertThat(orders.status("LO-2026-000001")).contains(
                new OrderRepository.StatusView(OrderStatus.RECEIVED, null, null, NOW));

        clock.advance(Duration.ofMinutes(1));
        orders.updateStatus("LO-2026-000001", OrderStatus.IN_LEGAL_ANALYSIS, null, null);
        assertThat(orders.status("LO-2026-000001")).contains(
                new OrderRepository.StatusView(OrderStatus.IN_LEGAL_ANALYSIS, null, null, NOW.plusSeconds(60)));

        clock.advance(Duration.ofMinutes(1));
        orders.updateStatus("LO-2026-000001", OrderStatus.REJECTED, "REJECTED", "Not proportionate.");
        clock.advance(Duration.ofMinutes(1));
        orders.updateStatus("LO-2026-000001", OrderStatus.REJECTED, null, null);

        assertThat(orders.status("LO-2026-000001")).contains(new OrderRepository.StatusView(OrderStatus.REJECTED, "REJECTED",
                null, NOW.plusSeconds(180)));
        assertThat(orders.get("LO-2026-000001").status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(outbox.of("LO-2026-000001")).extracting(OutboxMessage::kind)
                .containsExactly("IN_LEGAL_ANALYSIS", "REJECTED", "REJECTED");
        assertThat(outbox.of("LO-2026-000001").get(1).message()).contains("Not proportionate.");
        assertThat(outbox.forRecipient(order("LO-2026-000001").submittedBy(), 0, 10)).hasSize(3);
        assertThat(outbox.forRecipient("someone-else", 0, 10)).isEmpty();
    }

    @Test
    void submittedByAndProcessInstance() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));

        orders.attachProcessInstance("LO-2026-000001", "pi-4711");

        assertThat(orders.submittedBy("LO-2026-000001")).contains("police-de");
        assertThat(jdbc.queryForObject("SELECT process_instance_id FROM dd_legal_order", String.class)).isEqualTo("pi-4711");
    }

    @Test
    void timelineIsOrderedByTimeThenByInsertion() {
        orders.insert(order("LO-2026-000001"), "a".repeat(64));
        orders.insert(order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", "AZ-2"), "b".repeat(64));

        clock.set(NOW.plusSeconds(10));
        timeline.record("LO-2026-000001", TimelineStep.VALIDITY_CHECKED, null, "VALID");
        clock.set(NOW);
        timeline.record("LO-2026-000001", TimelineStep.RECEIVED, "police-de", "Order received over the API.");
        timeline.record("LO-2026-000002", TimelineStep.RECEIVED, "police-de", "Other order.");
        clock.set(NOW.plusSeconds(10));
        timeline.record("LO-2026-000001", TimelineStep.IN_LEGAL_ANALYSIS, null, "Waiting for legal analysis.");

        assertThat(timeline.of("LO-2026-000001"))
                .extracting(TimelineEvent::at, TimelineEvent::step, TimelineEvent::actor, TimelineEvent::detail)
                .containsExactly(
                        tuple(NOW, TimelineStep.RECEIVED, "police-de", "Order received over the API."),
                        tuple(NOW.plusSeconds(10), TimelineStep.VALIDITY_CHECKED, null, "VALID"),
                        tuple(NOW.plusSeconds(10), TimelineStep.IN_LEGAL_ANALYSIS, null, "Waiting for legal analysis."));
        assertThat(timeline.of("LO-2026-000003")).isEmpty();
    }

    @Test
    void countCountsOrders() {
        assertThat(orders.count()).isZero();
        orders.insert(order("LO-2026-000001"), "a".repeat(64));
        assertThat(orders.count()).isEqualTo(1);
    }
}
