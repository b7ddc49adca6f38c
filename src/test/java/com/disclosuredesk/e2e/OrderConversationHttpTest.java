package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two-way conversation of an authority system with the platform over the intake API: clarification,
 * withdrawal, the outbox of messages, resubmission conflicts and the binding of intake accounts.
 */
@DisclosureDeskHttpTest
class OrderConversationHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired ProcessEngine engine;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void incompleteOrderIsClarifiedByTheAuthorityAndThenAnalysed() throws Exception {
        String trackingNumber = submit(Orders.withoutDigest(Orders.valid("AZ-CLAR-" + System.nanoTime())));
        JsonNode waiting = awaitStatus(trackingNumber, "NEEDS_CLARIFICATION");
        assertThat(waiting.get("statusReason").asText()).contains("SHA-256");
        assertThat(get("/api/orders/" + trackingNumber + "/messages", "police-de").getBody().findValuesAsText("kind"))
                .containsSubsequence("RECEIVED", "NEEDS_CLARIFICATION");

        String clarification = "{\"text\": \"Digest of the signed order attached.\", \"corrections\": {\"documentSha256\": \""
                + Orders.DOCUMENT_SHA256 + "\"}}";
        assertThat(post("/api/orders/" + trackingNumber + "/clarification", clarification, "court-us").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> badCorrection = post("/api/orders/" + trackingNumber + "/clarification",
                "{\"text\": \"New target.\", \"corrections\": {\"targets\": [{\"type\": \"PHONE\", \"value\": \"0151-999\"}]}}",
                "police-de");
        assertThat(badCorrection.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCorrection.getBody().get("errors").findValuesAsText("field")).contains("targets[0].value");
        assertThat(badCorrection.getBody().toString()).doesNotContain("0151-999");
        assertThat(get("/api/orders/" + trackingNumber, "police-de").getBody().get("status").asText())
                .isEqualTo("NEEDS_CLARIFICATION");

        ResponseEntity<JsonNode> answered = post("/api/orders/" + trackingNumber + "/clarification", clarification, "police-de");
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode analysed = awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        assertThat(analysed.get("timeline").findValuesAsText("step")).containsSubsequence(
                "CLARIFICATION_REQUESTED", "CLARIFICATION_RECEIVED", "VALIDITY_CHECKED", "IN_LEGAL_ANALYSIS");
        assertThat(analysed.get("authorityNotes").get(0).get("correctedFields").asText()).isEqualTo("documentSha256");

        ResponseEntity<JsonNode> again = post("/api/orders/" + trackingNumber + "/clarification", clarification, "police-de");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withdrawalEndsTheOrderBeforeDisclosureAndIsLogged() throws Exception {
        String trackingNumber = submit(Orders.valid("AZ-WDR-" + System.nanoTime()));
        awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        assertThat(post("/api/orders/" + trackingNumber + "/withdrawal", "{}", "court-us").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> withdrawn = post("/api/orders/" + trackingNumber + "/withdrawal",
                "{\"reason\": \"The suspect was identified otherwise.\"}", "police-de");
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(trackingNumber).count()).isZero();

        JsonNode closed = awaitTimeline(trackingNumber, "CLOSED");
        assertThat(closed.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(closed.get("outcome").asText()).isEqualTo("WITHDRAWN");

        ResponseEntity<JsonNode> late = post("/api/orders/" + trackingNumber + "/withdrawal", "{}", "police-de");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).contains("can no longer be withdrawn");
    }

    @Test
    void theMessageFeedHoldsOnlyTheCallersOwnOrders() throws Exception {
        String trackingNumber = submit(Orders.valid("AZ-FEED-" + System.nanoTime()));
        awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        JsonNode feed = get("/api/messages?after=0&limit=500", "police-de").getBody();
        assertThat(feed.findValuesAsText("trackingNumber")).contains(trackingNumber);
        long last = feed.get(feed.size() - 1).get("id").asLong();
        assertThat(get("/api/messages?after=" + last, "police-de").getBody()).isEmpty();
        assertThat(get("/api/messages", "court-us").getBody().findValuesAsText("trackingNumber")).doesNotContain(trackingNumber);
        assertThat(get("/api/messages", "analyst").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void resubmissionWithOtherContentIsAConflictNamingTheFields() throws Exception {
        OrderSubmission original = Orders.valid("AZ-DIFF-" + System.nanoTime());
        String trackingNumber = submit(original);
        ResponseEntity<JsonNode> conflict = post("/api/orders",
                json.writeValueAsString(Orders.withOffence(original, Offence.FRAUD)), "police-de");
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().get("errors").findValuesAsText("field")).containsExactly("offence");
        assertThat(conflict.getBody().get("detail").asText()).contains(trackingNumber);
    }

    @Test
    void intakeAccountsSubmitOnlyForTheirAuthoritysCountry() throws Exception {
        long before = orders.count();
        OrderSubmission german = Orders.valid("AZ-US-" + System.nanoTime());
        ResponseEntity<JsonNode> refused = post("/api/orders", json.writeValueAsString(german), "court-us");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("authority.country");
        assertThat(orders.count()).isEqualTo(before);

        HttpHeaders headers = auth("admin");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> bound = http.exchange("/api/intake-accounts/court-us", HttpMethod.PUT,
                new HttpEntity<>("{\"authorityCountry\": \"US\", \"description\": \"US courts\"}", headers), JsonNode.class);
        assertThat(bound.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode accounts = http.exchange("/api/intake-accounts", HttpMethod.GET, new HttpEntity<>(auth("admin")), JsonNode.class).getBody();
        assertThat(accounts.findValuesAsText("userId")).contains("police-de", "court-us");
        assertThat(accounts.findValuesAsText("authorityCountry")).contains("DE", "US");
        assertThat(http.exchange("/api/intake-accounts", HttpMethod.GET, new HttpEntity<>(auth("police-de")), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/intake-accounts/analyst", HttpMethod.PUT,
                new HttpEntity<>("{\"authorityCountry\": \"US\"}", headers), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders analyst = auth("analyst");
        analyst.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/intake-accounts/court-us", HttpMethod.PUT,
                new HttpEntity<>("{\"authorityCountry\": \"DE\"}", analyst), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- helpers -------------------------------------------------------------------------------

    private String submit(OrderSubmission order) throws Exception {
        ResponseEntity<JsonNode> created = post("/api/orders", json.writeValueAsString(order), "police-de");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("trackingNumber").asText();
    }

    private JsonNode awaitStatus(String trackingNumber, String status) throws InterruptedException {
        return await(trackingNumber, s -> status.equals(s.get("status").asText()), "status " + status);
    }

    private JsonNode awaitTimeline(String trackingNumber, String step) throws InterruptedException {
        return await(trackingNumber, s -> s.get("timeline").findValuesAsText("step").contains(step), "step " + step);
    }

    private JsonNode await(String trackingNumber, java.util.function.Predicate<JsonNode> done, String what)
            throws InterruptedException {
        return ApiRequests.awaitOrder(n -> get("/api/orders/" + n, "police-de").getBody(), trackingNumber, done, what);
    }

    private ResponseEntity<JsonNode> post(String path, String body, String user) {
        HttpHeaders headers = auth(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), JsonNode.class);
    }

    private static HttpHeaders auth(String user) {
        return ApiRequests.signedIn(user);
    }
}
