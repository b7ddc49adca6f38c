package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * The clocks and duties of issue 6 over HTTP, on the real process with the job executor on: an emergency is
 * verified by a call-back before anything else, a preservation is held and extended once, a non-disclosure order
 * is extended while the process waits for its end.
 */
@DisclosureDeskHttpTest
class ClocksHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void emergencyIsVerifiedByACallBackThroughTheKnownContactBeforeTheAnalysis() throws Exception {
        String trackingNumber = submit(Orders.emergency(Orders.valid("AZ-EMERG-" + System.nanoTime())));
        awaitStatus(trackingNumber, "NEEDS_VERIFICATION");

        JsonNode task = singleTask(trackingNumber, "analyst");
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_VerifyRequester");
        assertThat(task.get("priority").asInt()).isEqualTo(100);
        assertThat(task.get("due").asText()).isNotEmpty();
        JsonNode form = engineRest(HttpMethod.GET, "/task/" + task.get("id").asText() + "/form-variables", null, "analyst").getBody();
        // the demo registry knows the Berlin police and its switchboard; the order came from its official domain
        assertThat(form.at("/knownAuthority/value").asText()).contains("Polizei Berlin").contains("polizei.berlin.example");
        assertThat(form.at("/knownContact/value").asText()).isNotBlank();

        assertThat(engineRest(HttpMethod.POST, "/task/" + task.get("id").asText() + "/complete", """
                {"variables": {"requesterVerified": {"value": "true"},
                  "verificationNote": {"value": "Called the LKA 7 duty desk via the registered switchboard; confirmed."}}}
                """, "analyst").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode status = awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        assertThat(status.get("timeline").findValuesAsText("step")).contains("NEEDS_VERIFICATION", "REQUESTER_VERIFIED");
    }

    @Test
    void preservationIsHeldAndExtendedOnceByItsAuthority() throws Exception {
        String trackingNumber = submit(Orders.withType(Orders.valid("AZ-PRES-" + System.nanoTime()),
                OrderType.PRESERVATION_REQUEST, IssuerType.COURT));
        awaitStatus(trackingNumber, "PRESERVED");
        String path = "/api/orders/" + trackingNumber + "/preservation-extension";

        ResponseEntity<JsonNode> extended = post(path, "{\"reason\": \"The production order is being prepared.\"}");
        assertThat(extended.getStatusCode()).as(String.valueOf(extended.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(extended.getBody().at("/preservation/extended").asBoolean()).isTrue();
        Date heldUntil = Date.from(java.time.Instant.parse(extended.getBody().at("/preservation/heldUntil").asText()));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult().getId();
        assertThat(management.createJobQuery().processInstanceId(instance).activityId("Event_PreservationExpired")
                .singleResult().getDuedate()).isEqualTo(heldUntil);

        ResponseEntity<JsonNode> again = post(path, "{}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("already extended once");
    }

    @Test
    void nonDisclosureOrderExtendedWhileTheProcessWaitsForItsEnd() throws Exception {
        String trackingNumber = submit(Orders.valid("AZ-NDO-" + System.nanoTime()));
        awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        complete(singleTask(trackingNumber, "analyst").get("id").asText(), "analyst", """
                {"variables": {"analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order, suspect named, drug trafficking violates the ToS."}}}
                """);
        awaitStatus(trackingNumber, "AWAITING_APPROVAL");
        complete(singleTask(trackingNumber, "approver").get("id").asText(), "approver",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
        awaitStatus(trackingNumber, "DISCLOSED");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult().getId();
        ApiRequests.awaitOrder(n -> json.createObjectNode().put("waiting", management.createJobQuery().processInstanceId(instance)
                .activityId("Event_NonDisclosureEnded").count() == 1), trackingNumber,
                s -> s.get("waiting").asBoolean(), "the wait for the end of its non-disclosure order");

        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        ResponseEntity<JsonNode> extended = post("/api/orders/" + trackingNumber + "/non-disclosure-extension",
                "{\"nonDisclosureUntil\": \"" + later + "\", \"reason\": \"The investigation continues.\"}");
        assertThat(extended.getStatusCode()).as(String.valueOf(extended.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(management.createJobQuery().processInstanceId(instance).activityId("Event_NonDisclosureEnded")
                .singleResult().getDuedate()).isEqualTo(Date.from(later.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(runtime.getVariable(instance, "usersNotified")).isNull();
    }

    // --- helpers -------------------------------------------------------------------------------

    private String submit(Object order) throws Exception {
        ResponseEntity<JsonNode> created = post("/api/orders", json.writeValueAsString(order));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("trackingNumber").asText();
    }

    private JsonNode awaitStatus(String trackingNumber, String status) throws InterruptedException {
        return ApiRequests.awaitOrder(n -> http.exchange("/api/orders/" + n, HttpMethod.GET,
                        new HttpEntity<>(ApiRequests.signedIn("police-de")), JsonNode.class).getBody(), trackingNumber,
                s -> status.equals(s.get("status").asText()), status);
    }

    private JsonNode singleTask(String trackingNumber, String user) {
        JsonNode tasks = engineRest(HttpMethod.GET, "/task?processInstanceBusinessKey=" + trackingNumber, null, user).getBody();
        assertThat(tasks).as("open tasks of %s visible to %s", trackingNumber, user).hasSize(1);
        return tasks.get(0);
    }

    private void complete(String taskId, String user, String body) {
        assertThat(engineRest(HttpMethod.POST, "/task/" + taskId + "/complete", body, user).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        HttpHeaders headers = ApiRequests.signedIn("police-de");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> engineRest(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
