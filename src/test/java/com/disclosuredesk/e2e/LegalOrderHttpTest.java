package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.util.LinkedMultiValueMap;

/**
 * Boots the whole application on the embedded default (demo users and subscriber data, job executor on)
 * and drives orders over HTTP the way authority systems and legal staff do: intake API, engine REST API
 * with basic auth, the public ledger verification, and the web apps' sign-in.
 */
@DisclosureDeskHttpTest
class LegalOrderHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired com.disclosuredesk.disclosure.DisclosureRepository disclosures;
    @Autowired com.disclosuredesk.disclosure.DisclosureDelivery delivery;
    @Autowired javax.sql.DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void orderTravelsFromSubmissionOverHttpToDisclosed() throws Exception {
        String body = json.writeValueAsString(Orders.valid("AZ-HTTP-" + System.nanoTime()));

        ResponseEntity<JsonNode> created = post("/api/orders", body, "police-de");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String trackingNumber = created.getBody().get("trackingNumber").asText();
        assertThat(trackingNumber).matches("LO-\\d{4}-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/orders/" + trackingNumber);
        assertThat(created.getBody().get("status").asText()).isEqualTo("RECEIVED");

        ResponseEntity<JsonNode> again = post("/api/orders", body, "police-de");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("trackingNumber").asText()).isEqualTo(trackingNumber);

        awaitStatus(trackingNumber, "police-de", "IN_LEGAL_ANALYSIS");

        // the legal analysis, as an analyst in Tasklist would do it, over the engine REST API
        String analysisTask = singleTask(trackingNumber, "analyst");
        assertThat(engineRest(HttpMethod.POST, "/task/" + analysisTask + "/claim", "{\"userId\":\"analyst\"}", "analyst")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engineRest(HttpMethod.POST, "/task/" + analysisTask + "/complete", """
                {"variables": {
                  "analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "[\\"IP_ADDRESS\\",\\"PHONE_NUMBER\\"]", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order, suspect named, drug trafficking violates the ToS."}}}
                """, "analyst").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitStatus(trackingNumber, "police-de", "AWAITING_APPROVAL");

        // an intake system sees no task and no history in the engine
        assertThat(engineRest(HttpMethod.GET, "/task", null, "police-de").getBody()).isEmpty();
        assertThat(engineRest(HttpMethod.GET, "/history/variable-instance", null, "police-de").getBody()).isEmpty();
        assertThat(engineRest(HttpMethod.GET, "/process-instance", null, "police-de").getBody()).isEmpty();

        String approvalTask = singleTask(trackingNumber, "approver");
        engineRest(HttpMethod.POST, "/task/" + approvalTask + "/claim", "{\"userId\":\"approver\"}", "approver");
        assertThat(engineRest(HttpMethod.POST, "/task/" + approvalTask + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}", "approver").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode disclosed = awaitStatus(trackingNumber, "police-de", "DISCLOSED",
                s -> timelineSteps(s).contains("CLOSED"));
        assertThat(disclosed.get("outcome").asText()).isEqualTo("FULFILLED");
        assertThat(timelineSteps(disclosed)).containsSubsequence("RECEIVED", "VALIDITY_CHECKED", "IN_LEGAL_ANALYSIS",
                "ANALYSED", "AWAITING_APPROVAL", "APPROVAL_APPROVE", "DISCLOSED", "CLOSED");
        assertThat(disclosed.toString()).doesNotContain("legalReasoning").doesNotContain("Valid court order");

        // the package, for the submitting authority alone, with its digest in a header
        String digest = disclosed.get("timeline").findValuesAsText("detail").stream()
                .filter(d -> d.startsWith("Disclosure package ready")).findFirst().orElseThrow()
                .replaceAll(".*SHA-256 ([0-9a-f]{64}).*", "$1");
        ResponseEntity<byte[]> download = http.exchange("/api/orders/" + trackingNumber + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(auth("police-de")), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(digest)
                .isEqualTo(com.disclosuredesk.common.Sha256.hex(download.getBody()));
        JsonNode pack = json.readTree(download.getBody());
        assertThat(pack.get("trackingNumber").asText()).isEqualTo(trackingNumber);
        assertThat(pack.get("targets")).hasSize(2);
        assertThat(pack.get("targets").get(0).get("username").asText()).isEqualTo("@demo0001");
        assertThat(pack.get("targets").get(0).get("phoneNumber").asText()).startsWith("+");
        assertThat(pack.get("targets").get(0).get("ipAddresses")).isNotEmpty();
        assertThat(http.exchange("/api/orders/" + trackingNumber + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(auth("court-us")), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/orders/" + trackingNumber + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(auth("analyst")), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(disclosures.downloads(trackingNumber)).singleElement()
                .satisfies(d -> assertThat(d.downloadedBy()).isEqualTo("police-de"))
                .satisfies(d -> assertThat(d.sha256()).isEqualTo(digest));
        // at rest the package is encrypted: none of the disclosed values is readable in the table
        byte[] stored = disclosures.content(trackingNumber).orElseThrow();
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(storedText).doesNotContain(pack.get("targets").get(0).get("phoneNumber").asText())
                .doesNotContain(pack.get("targets").get(0).get("ipAddresses").get(0).get("ip").asText())
                .doesNotContain(trackingNumber);

        // after the retention time the package is deleted; its digest and record stay
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "UPDATE dd_disclosure SET expires_at = ? WHERE tracking_number = ?",
                java.time.OffsetDateTime.now().minusMinutes(1), trackingNumber);
        assertThat(delivery.deleteExpired()).isGreaterThanOrEqualTo(1);
        ResponseEntity<JsonNode> gone = http.exchange("/api/orders/" + trackingNumber + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(auth("police-de")), JsonNode.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(gone.getBody().get("sha256").asText()).isEqualTo(digest);
        assertThat(disclosures.findByOrder(trackingNumber).orElseThrow().sha256()).isEqualTo(digest);

        ResponseEntity<JsonNode> verification = http.getForEntity("/api/transparency/ledger/verification", JsonNode.class);
        assertThat(verification.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verification.getBody().get("intact").asBoolean()).isTrue();
        assertThat(verification.getBody().get("entries").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void intakeSystemsSeeOnlyTheirOwnOrdersAndNeedToSignIn() throws Exception {
        String body = json.writeValueAsString(Orders.valid("AZ-VIS-" + System.nanoTime()));
        String trackingNumber = post("/api/orders", body, "police-de").getBody().get("trackingNumber").asText();

        assertThat(get("/api/orders/" + trackingNumber, "police-de").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> foreign = get("/api/orders/" + trackingNumber, "court-us");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/orders/" + trackingNumber, "analyst").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/orders/LO-2000-000000", "police-de").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(http.getForEntity("/api/orders/" + trackingNumber, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // staff do not submit orders over the API; they use the start form in Tasklist
        assertThat(post("/api/orders", body, "analyst").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badInputIsAProblemNamingTheFieldsAndStoresNothing() {
        long before = orders.count();
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();

        ResponseEntity<JsonNode> malformed = post("/api/orders", "{\"reference\": ", "police-de");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getBody().get("title").asText()).isEqualTo("Malformed JSON");

        ResponseEntity<JsonNode> invalid = post("/api/orders", """
                {"reference": "", "orderType": "COURT_ORDER", "authority": {"name": "X", "country": "Germany"},
                 "issuer": {"type": "COURT", "name": "AG"}, "issuedOn": "2026-11-20", "offence": "FRAUD",
                 "suspectConfirmed": true, "emergency": false, "targets": [{"type": "PHONE", "value": "0151 123"}],
                 "dataCategories": ["IP_ADDRESS"], "period": {"from": "2026-01-01T00:00:00Z", "to": "2028-01-01T00:00:00Z"}}
                """, "police-de");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
                .contains("reference", "authority.country", "targets[0].value", "period");
        assertThat(invalid.getBody().toString()).doesNotContain("0151 123");

        ResponseEntity<JsonNode> unknownField = post("/api/orders", "{\"reference\":\"A\",\"messages\":true}", "police-de");
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("errors").get(0).get("field").asText()).isEqualTo("messages");

        ResponseEntity<JsonNode> badEnum = post("/api/orders", "{\"orderType\":\"WIRETAP\"}", "police-de");
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEnum.getBody().get("errors").get(0).get("field").asText()).isEqualTo("orderType");

        HttpHeaders text = auth("police-de");
        text.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> wrongType = http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>("hello", text), JsonNode.class);
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertThat(orders.count()).isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void fourEyesOverTheEngineRestApi() throws Exception {
        if (identity.createUserQuery().userId("counsel").count() == 0) {
            var user = identity.newUser("counsel");
            user.setPassword("counsel-secret");
            identity.saveUser(user);
            identity.createMembership("counsel", "legal-analysts");
            identity.createMembership("counsel", "legal-approvers");
        }
        String body = json.writeValueAsString(Orders.valid("AZ-4EYES-" + System.nanoTime()));
        String trackingNumber = post("/api/orders", body, "police-de").getBody().get("trackingNumber").asText();
        awaitStatus(trackingNumber, "police-de", "IN_LEGAL_ANALYSIS");
        String analysisTask = singleTask(trackingNumber, "counsel");
        engineRest(HttpMethod.POST, "/task/" + analysisTask + "/claim", "{\"userId\":\"counsel\"}", "counsel");
        engineRest(HttpMethod.POST, "/task/" + analysisTask + "/complete", """
                {"variables": {"analysisDecision": {"value": "DISCLOSE"}, "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]"},
                  "legalReasoning": {"value": "Valid court order, suspect named, offence violates the ToS."}}}
                """, "counsel");
        awaitStatus(trackingNumber, "police-de", "AWAITING_APPROVAL");

        String approvalTask = singleTask(trackingNumber, "counsel");
        ResponseEntity<JsonNode> refused = engineRest(HttpMethod.POST, "/task/" + approvalTask + "/claim",
                "{\"userId\":\"counsel\"}", "counsel");
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("Four-eyes rule");
        ResponseEntity<JsonNode> refusedCompletion = engineRest(HttpMethod.POST, "/task/" + approvalTask + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}", "counsel");
        assertThat(refusedCompletion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusedCompletion.getBody().get("message").asText()).contains("Four-eyes rule");
        assertThat(get("/api/orders/" + trackingNumber, "police-de").getBody().get("status").asText())
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void onlyStaffMaySignInToTasklist() {
        assertThat(webappLogin("analyst", "tasklist")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("approver", "tasklist")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("police-de", "tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("police-de", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("analyst", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("admin", "cockpit")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachStaffGroupSeesItsOwnTasklistFilters() {
        assertThat(engineRest(HttpMethod.GET, "/filter", null, "analyst").getBody().findValuesAsText("name"))
                .contains("Legal analysis", "My tasks").doesNotContain("Approvals", "All legal-order tasks");
        assertThat(engineRest(HttpMethod.GET, "/filter", null, "approver").getBody().findValuesAsText("name"))
                .contains("Approvals", "My tasks").doesNotContain("Legal analysis", "All legal-order tasks");
        assertThat(engineRest(HttpMethod.GET, "/filter", null, "admin").getBody().findValuesAsText("name"))
                .contains("Legal analysis", "Approvals", "My tasks", "All legal-order tasks");
        assertThat(engineRest(HttpMethod.GET, "/filter", null, "police-de").getBody()).isEmpty();
    }

    @Test
    void administratorsStartLegalOrdersOverTheEngineRestApi() throws Exception {
        String reference = "AZ-REST-" + System.nanoTime();
        String start = """
                {"variables": {
                  "orderReference": {"value": "%s"}, "orderType": {"value": "COURT_ORDER"},
                  "authorityName": {"value": "Procura della Repubblica di Milano"}, "authorityCountry": {"value": "IT"},
                  "issuerType": {"value": "JUDGE"}, "issuerName": {"value": "GIP Milano"},
                  "issuedOn": {"value": "%s"}, "offence": {"value": "FRAUD"},
                  "suspectConfirmed": {"value": true}, "emergency": {"value": false},
                  "targetList": {"value": "@demo0005"}, "dataCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"},
                  "periodFrom": {"value": "%s"}, "periodTo": {"value": "%s"},
                  "documentSha256": {"value": "%s"}}}
                """.formatted(reference, java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().minusDays(60),
                java.time.LocalDate.now(), Orders.DOCUMENT_SHA256);
        ResponseEntity<JsonNode> started = engineRest(HttpMethod.POST, "/process-definition/key/legal-order/start", start, "admin");
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String trackingNumber = started.getBody().get("businessKey").asText();
        assertThat(trackingNumber).matches("LO-\\d{4}-\\d{6}");
        assertThat(orders.get(trackingNumber).reference()).isEqualTo(reference);
        assertThat(orders.get(trackingNumber).submittedBy()).isEqualTo("admin");

        // an intake system may not start processes in the engine: for it, the definition does not exist
        assertThat(engineRest(HttpMethod.POST, "/process-definition/key/legal-order/start",
                start.replace(reference, reference + "-X"), "police-de").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(orders.findByAuthorityAndReference("IT", "Procura della Repubblica di Milano", reference + "-X")).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Signs in to a Camunda web app as its login page does: with the session's CSRF token. */
    private HttpStatus webappLogin(String user, String app) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList();
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", user);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", token);
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<String> response = http.postForEntity(
                "/camunda/api/admin/auth/user/" + engine.getName() + "/login/" + app, new HttpEntity<>(form, headers), String.class);
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    private String singleTask(String trackingNumber, String user) {
        JsonNode tasks = engineRest(HttpMethod.GET, "/task?processInstanceBusinessKey=" + trackingNumber, null, user).getBody();
        assertThat(tasks).as("open tasks of %s visible to %s", trackingNumber, user).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private JsonNode awaitStatus(String trackingNumber, String user, String status) throws InterruptedException {
        return awaitStatus(trackingNumber, user, status, s -> true);
    }

    private JsonNode awaitStatus(String trackingNumber, String user, String status, Predicate<JsonNode> also)
            throws InterruptedException {
        return ApiRequests.awaitOrder(n -> get("/api/orders/" + n, user).getBody(), trackingNumber,
                s -> status.equals(s.get("status").asText()) && also.test(s), status);
    }

    private static List<String> timelineSteps(JsonNode status) {
        return status.get("timeline").findValuesAsText("step");
    }

    private ResponseEntity<JsonNode> post(String path, String body, String user) {
        HttpHeaders headers = auth(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> engineRest(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = auth(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpHeaders auth(String user) {
        return user.equals("counsel") ? ApiRequests.signedIn(user, "counsel-secret") : ApiRequests.signedIn(user);
    }

}
