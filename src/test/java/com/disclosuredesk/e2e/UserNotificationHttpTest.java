package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.disclosure.DisclosureService;
import com.disclosuredesk.notification.UserNotificationService;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The user notifications over HTTP, for the platform's delivery system (administrators only): a disclosure of two
 * demo accounts, recorded for notification, listed, delivered.
 */
@DisclosureDeskHttpTest
class UserNotificationHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired DisclosureService disclosure;
    @Autowired UserNotificationService notifications;

    /** An order of two demo accounts (and a target without data), disclosed (as the process would) and recorded. */
    private String disclosedAndRecorded() {
        String trackingNumber = orders.nextTrackingNumber();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        orders.insert(new LegalOrder(trackingNumber, "AZ-NOTIFY-" + System.nanoTime(), "police-de", LegalOrder.Channel.API,
                OrderType.COURT_ORDER, new LegalOrder.Authority("Staatsanwaltschaft Berlin", "DE", "cybercrime@sta.berlin.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.now().minusDays(2), null,
                Offence.FRAUD, true, false, null,
                List.of(new Target(TargetType.USERNAME, "@demo0007"), new Target(TargetType.USERNAME, "@demo0008"),
                        new Target(TargetType.PHONE, "+4915112345678")),
                Set.of(DataCategory.IP_ADDRESS, DataCategory.PHONE_NUMBER), now.minus(300, ChronoUnit.DAYS), now,
                LocalDate.now().plusDays(1), null, OrderStatus.AWAITING_APPROVAL, now), "c".repeat(64));
        disclosure.disclose(trackingNumber, EnumSet.of(DataCategory.PHONE_NUMBER), "analyst", "approver", now);
        assertThat(notifications.recordFor(trackingNumber)).isEqualTo(2);
        assertThat(notifications.recordFor(trackingNumber)).isZero();
        return trackingNumber;
    }

    @Test
    void administratorsListPendingNotificationsNewestFirstAndConfirmDelivery() {
        String trackingNumber = disclosedAndRecorded();

        ResponseEntity<JsonNode> pending = get("/api/user-notifications?status=PENDING&size=500", "admin");

        assertThat(pending.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pending.getBody().get("page").asInt()).isZero();
        assertThat(pending.getBody().get("size").asInt()).isEqualTo(500);
        assertThat(pending.getBody().get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        List<JsonNode> ours = ofOrder(pending.getBody(), trackingNumber);
        assertThat(ours).hasSize(2);
        JsonNode first = ours.get(0);
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.has("deliveredAt")).isFalse();
        assertThat(first.get("accountId").isIntegralNumber()).isTrue();
        assertThat(first.get("text").asText()).startsWith("Your data was disclosed to Staatsanwaltschaft Berlin (Germany) on ")
                .contains("in answer to a court order. Data disclosed: phone number. Tracking number: " + trackingNumber + ".")
                .doesNotContain("demo0007").doesNotContain("+49151");
        // newest first: the page starts with the most recent notification
        Instant newest = Instant.parse(pending.getBody().get("items").get(0).get("createdAt").asText());
        assertThat(Instant.parse(first.get("createdAt").asText())).isBeforeOrEqualTo(newest);

        long id = first.get("id").asLong();
        ResponseEntity<JsonNode> delivered = post("/api/user-notifications/" + id + "/delivered", "admin");
        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delivered.getBody().get("status").asText()).isEqualTo("DELIVERED");
        String deliveredAt = delivered.getBody().get("deliveredAt").asText();
        ResponseEntity<JsonNode> again = post("/api/user-notifications/" + id + "/delivered", "admin");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("deliveredAt").asText()).isEqualTo(deliveredAt);

        assertThat(ofOrder(get("/api/user-notifications?status=PENDING&size=500", "admin").getBody(), trackingNumber)).hasSize(1);
        assertThat(ofOrder(get("/api/user-notifications?status=DELIVERED&size=500", "admin").getBody(), trackingNumber))
                .singleElement().satisfies(n -> assertThat(n.get("id").asLong()).isEqualTo(id));
        assertThat(ofOrder(get("/api/user-notifications?size=500", "admin").getBody(), trackingNumber)).hasSize(2);
    }

    @Test
    void onlyAdministratorsMayReadOrConfirm() {
        String trackingNumber = disclosedAndRecorded();
        long id = notifications.ofOrder(trackingNumber).get(0).id();

        for (String user : new String[] {"analyst", "approver", "police-de", "court-us"}) {
            ResponseEntity<JsonNode> list = get("/api/user-notifications?status=PENDING", user);
            assertThat(list.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(list.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(post("/api/user-notifications/" + id + "/delivered", user).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/user-notifications", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(notifications.ofOrder(trackingNumber)).allSatisfy(n -> assertThat(n.deliveredAt()).isNull());
    }

    @Test
    void badParametersAndUnknownNotificationsAreProblems() {
        ResponseEntity<JsonNode> bad = get("/api/user-notifications?status=SENT&page=-1&size=100000", "admin");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("status", "page", "size");

        ResponseEntity<JsonNode> unknown = post("/api/user-notifications/999999999/delivered", "admin");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post("/api/user-notifications/abc/delivered", "admin").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<JsonNode> ofOrder(JsonNode page, String trackingNumber) {
        List<JsonNode> items = new java.util.ArrayList<>();
        page.get("items").forEach(n -> {
            if (n.get("trackingNumber").asText().equals(trackingNumber)) {
                items.add(n);
            }
        });
        return items;
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(ApiRequests.signedIn(user)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String user) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(ApiRequests.signedIn(user)), JsonNode.class);
    }
}
