package com.disclosuredesk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.support.Repositories;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Other open orders of the same authority naming the same target, however it is written. */
class RelatedOrdersTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    OrderRepository orders;
    RelatedOrders related;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        DataSource db = MigratedDatabase.newDatabase();
        orders = Repositories.orders(db, new MutableClock(NOW));
        related = new RelatedOrders(JdbcClient.create(db));
        jdbc = new JdbcTemplate(db);
    }

    private void order(String trackingNumber, String country, String authority, Target... targets) {
        orders.insert(new LegalOrder(trackingNumber, "REF-" + trackingNumber, "police-de", LegalOrder.Channel.API,
                OrderType.COURT_ORDER, new LegalOrder.Authority(authority, country, "desk@sta.berlin.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 11, 20), null,
                Offence.FRAUD, true, false, null, List.of(targets), Set.of(DataCategory.IP_ADDRESS),
                Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), null, null,
                OrderStatus.IN_LEGAL_ANALYSIS, NOW), "a".repeat(64));
    }

    private static Target phone(String value) {
        return new Target(TargetType.PHONE, value);
    }

    private static Target username(String value) {
        return new Target(TargetType.USERNAME, value);
    }

    private static Target account(String value) {
        return new Target(TargetType.ACCOUNT_ID, value);
    }

    @Test
    void findsTheOtherOrderOfTheSameAuthorityNamingTheSamePhoneWrittenDifferently() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", phone("+49 151 12345678"), username("@first_one"));
        order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", phone("+4915112345678"));
        order("LO-2026-000003", "DE", "Polizei Berlin", phone("+4915112345678"));

        assertThat(related.find("LO-2026-000001").listed())
                .containsExactly(new RelatedOrder("LO-2026-000002", "REF-LO-2026-000002", OrderStatus.IN_LEGAL_ANALYSIS, 1));
        assertThat(related.find("LO-2026-000002").listed())
                .containsExactly(new RelatedOrder("LO-2026-000001", "REF-LO-2026-000001", OrderStatus.IN_LEGAL_ANALYSIS, 1));
        assertThat(related.find("LO-2026-000003").listed()).isEmpty();
    }

    @Test
    void theSameAuthorityIsTheSameCountryAndNameWhateverTheCaseAndSpacing() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", username("@Suspect_One"));
        order("LO-2026-000002", "DE", "  STAATSANWALTSCHAFT   berlin ", username("@suspect_one"));
        order("LO-2026-000003", "AT", "Staatsanwaltschaft Berlin", username("@suspect_one"));

        assertThat(related.find("LO-2026-000001").listed()).extracting(RelatedOrder::trackingNumber).containsExactly("LO-2026-000002");
    }

    @Test
    void countsTheSharedTargetsAndOrdersByTrackingNumber() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"), phone("0049 (0)151 1234-5678"),
                account("100002"));
        order("LO-2026-000004", "DE", "Staatsanwaltschaft Berlin", account("100002"), username("@SUSPECT_ONE"),
                phone("+4915112345678"));
        order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", username("@suspect_two"), account("100002"));
        order("LO-2026-000003", "DE", "Staatsanwaltschaft Berlin", username("@suspect_two"), account("100003"));

        assertThat(related.find("LO-2026-000001").listed()).extracting(RelatedOrder::trackingNumber, RelatedOrder::sharedTargets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LO-2026-000002", 1),
                        org.assertj.core.groups.Tuple.tuple("LO-2026-000004", 3));
    }

    @Test
    void aTargetOfAnotherTypeWithTheSameTextIsAnotherTarget() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", account("4915112345678"));
        order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", phone("+4915112345678"));

        assertThat(related.find("LO-2026-000001").listed()).isEmpty();
    }

    @Test
    void ordersThatHaveEndedAreNotRelated() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        order("LO-2026-000003", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        order("LO-2026-000004", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        order("LO-2026-000005", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        orders.updateStatus("LO-2026-000002", OrderStatus.DISCLOSED, "FULFILLED", null);
        orders.updateStatus("LO-2026-000003", OrderStatus.REJECTED, "REJECTED", "Rejected.");
        orders.updateStatus("LO-2026-000004", OrderStatus.WITHDRAWN, "WITHDRAWN", null);
        orders.updateStatus("LO-2026-000005", OrderStatus.AWAITING_APPROVAL, null, null);

        assertThat(related.find("LO-2026-000001").listed())
                .containsExactly(new RelatedOrder("LO-2026-000005", "REF-LO-2026-000005", OrderStatus.AWAITING_APPROVAL, 1));
        // an order that has ended itself still sees the open ones
        assertThat(related.find("LO-2026-000002").listed()).extracting(RelatedOrder::trackingNumber)
                .containsExactly("LO-2026-000001", "LO-2026-000005");
    }

    @Test
    void manyRelatedOrdersListOnlyTheMostRecentAndCountAll() {
        for (int n = 1; n <= RelatedOrders.LISTED + 5; n++) {
            order(String.format("LO-2026-%06d", n), "DE", "Staatsanwaltschaft Berlin", username("@prolific_suspect"));
        }
        order("LO-2026-000100", "DE", "Staatsanwaltschaft Berlin", username("@prolific_suspect"));

        RelatedOrders.Found found = related.find("LO-2026-000100");

        assertThat(found.total()).isEqualTo(RelatedOrders.LISTED + 5);
        assertThat(found.listed()).hasSize(RelatedOrders.LISTED);
        assertThat(found.listed()).extracting(RelatedOrder::trackingNumber)
                .startsWith("LO-2026-000006").endsWith("LO-2026-000025").isSorted();
        assertThat(related.find("LO-2026-000003").total()).isEqualTo(RelatedOrders.LISTED + 5);
        assertThat(related.find("LO-2026-999999")).isEqualTo(new RelatedOrders.Found(List.of(), 0));
    }

    @Test
    void anUnknownOrderHasNoRelatedOrders() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        assertThat(related.find("LO-2026-999999").listed()).isEmpty();
    }

    @Test
    void aCorrectedOrderIsMatchedOnItsNewTargets() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", username("@suspect_one"));
        order("LO-2026-000002", "DE", "Staatsanwaltschaft Berlin", username("@suspect_two"));
        LegalOrder first = orders.get("LO-2026-000001");
        orders.applyCorrection(new LegalOrder(first.trackingNumber(), first.reference(), first.submittedBy(), first.channel(),
                first.orderType(), first.authority(), first.issuer(), first.issuedOn(), first.validUntil(), first.offence(),
                first.suspectConfirmed(), first.emergency(), first.emergencyFacts(), List.of(username("@Suspect_Two")),
                first.dataCategories(), first.periodFrom(), first.periodTo(), first.nonDisclosureUntil(),
                first.documentSha256(), first.status(), first.receivedAt()));

        assertThat(related.find("LO-2026-000001").listed()).extracting(RelatedOrder::trackingNumber).containsExactly("LO-2026-000002");
    }

    @Test
    void theKeyIsStoredWithEachTargetAndIndexed() {
        order("LO-2026-000001", "DE", "Staatsanwaltschaft Berlin", username("@Suspect_One"), phone("+49 151 12345678"),
                account(" 100002 "));

        assertThat(jdbc.queryForList("SELECT target_key FROM dd_order_target ORDER BY position", String.class))
                .containsExactly("USERNAME:suspect_one", "PHONE:+4915112345678", "ACCOUNT_ID:100002");
        assertThat(jdbc.queryForList("""
                SELECT index_name FROM information_schema.indexes
                WHERE table_name = 'DD_ORDER_TARGET' AND index_name = 'DD_ORDER_TARGET_KEY'""", String.class)).isNotEmpty();
    }
}
