package com.disclosuredesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.disclosuredesk.intake.OrderSubmission;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives a legal order over HTTP the way authority systems and legal staff do, with the demo users: submit as
 * {@code police-de}, analyse as {@code analyst}, approve as {@code approver} (claim and complete over the engine
 * REST API, as Tasklist does).
 */
public final class OrderFlow {

    private final TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public OrderFlow(TestRestTemplate http) {
        this.http = http;
    }

    /** Submits the order as police-de and answers its tracking number. */
    public String submit(OrderSubmission order) {
        ResponseEntity<JsonNode> created = exchange(HttpMethod.POST, "/api/orders", write(order), "police-de");
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return created.getBody().get("trackingNumber").asText();
    }

    /** Analysis DISCLOSE (IP addresses and phone numbers) by analyst, approval APPROVE by approver, until DISCLOSED. */
    public JsonNode discloseAfterAnalysisAndApproval(String trackingNumber) throws InterruptedException {
        awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        completeTask(trackingNumber, "analyst", """
                {"variables": {
                  "analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "[\\"IP_ADDRESS\\",\\"PHONE_NUMBER\\"]", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order, suspect named, the offence violates the ToS."}}}
                """);
        awaitStatus(trackingNumber, "AWAITING_APPROVAL");
        completeTask(trackingNumber, "approver", "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
        return ApiRequests.awaitOrder(this::status, trackingNumber, s -> "DISCLOSED".equals(s.get("status").asText())
                && s.get("timeline").findValuesAsText("step").contains("CLOSED"), "DISCLOSED and closed");
    }

    /** Claims the order's single open task visible to {@code user} and completes it with {@code variables}. */
    public void completeTask(String trackingNumber, String user, String variables) {
        JsonNode tasks = exchange(HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber, null, user)
                .getBody();
        assertThat(tasks).as("open tasks of %s for %s", trackingNumber, user).hasSize(1);
        String task = tasks.get(0).get("id").asText();
        assertThat(exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}", user)
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<JsonNode> completed = exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/complete", variables, user);
        assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);
    }

    public JsonNode awaitStatus(String trackingNumber, String status) throws InterruptedException {
        return ApiRequests.awaitOrder(this::status, trackingNumber, s -> status.equals(s.get("status").asText()), status);
    }

    public JsonNode status(String trackingNumber) {
        return exchange(HttpMethod.GET, "/api/orders/" + trackingNumber, null, "police-de").getBody();
    }

    public ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
