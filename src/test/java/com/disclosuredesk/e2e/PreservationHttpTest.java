package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.AuthorityNotes;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.preservation.PreservationRecord;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Preservation over HTTP: a production order's reference to an earlier preservation order (checked without revealing
 * other authorities' orders) and its disclosure from the frozen data through the whole process, the once-only
 * extension of a preservation hold and the extension of a non-disclosure order, with their 400/404/409 answers.
 *
 * <p>The legal-order process decides when a hold exists and when it waits for the messages. So that these tests do
 * not depend on where it waits, an order refused by the validity check (its process has ended) gets its hold directly
 * from {@link PreservationService}, and a small receiver process started with the order's tracking number as
 * business key stands for the process step that waits for the message: the {@code PreservationExtended} receiver
 * extends the hold in the correlation's transaction, as the legal-order process does.
 */
@DisclosureDeskHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreservationHttpTest {

    private static final String PRESERVATION_RECEIVER = "test-preservation-extension-receiver";
    private static final String NON_DISCLOSURE_RECEIVER = "test-non-disclosure-extension-receiver";
    /** Extends twice in one transaction: the second refusal must undo the first. */
    private static final String DOUBLE_EXTENDER = "test-preservation-double-extender";

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired OrderTimeline timeline;
    @Autowired AuthorityNotes notes;
    @Autowired PreservationService preservations;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired DataSource dataSource;

    private Deployment receivers;

    @BeforeAll
    void deployReceivers() {
        BpmnModelInstance preservation = Bpmn.createExecutableProcess(PRESERVATION_RECEIVER)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait_Extension").message(LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED)
                .serviceTask("Extend").camundaExpression("${preservationService.extend(execution.processBusinessKey)}")
                .endEvent()
                .done();
        BpmnModelInstance twice = Bpmn.createExecutableProcess(DOUBLE_EXTENDER)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait_Extension").message(LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED)
                .serviceTask("Extend").camundaExpression("${preservationService.extend(execution.processBusinessKey)}")
                .serviceTask("ExtendAgain").camundaExpression("${preservationService.extend(execution.processBusinessKey)}")
                .endEvent()
                .done();
        BpmnModelInstance nonDisclosure = Bpmn.createExecutableProcess(NON_DISCLOSURE_RECEIVER)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait_Extension").message(LegalOrderProcess.MESSAGE_NON_DISCLOSURE_EXTENDED)
                .endEvent()
                .done();
        receivers = repository.createDeployment().name("preservation-http-test")
                .addModelInstance(PRESERVATION_RECEIVER + ".bpmn", preservation)
                .addModelInstance(NON_DISCLOSURE_RECEIVER + ".bpmn", nonDisclosure)
                .addModelInstance(DOUBLE_EXTENDER + ".bpmn", twice)
                .deploy();
    }

    @AfterAll
    void removeReceivers() {
        repository.deleteDeployment(receivers.getId(), true);
    }

    // --- preservationReference on submission ---------------------------------------------------

    @Test
    void aProductionOrderReferencesOnlyAPreservationOrderOfTheSameIntakeAccount() throws Exception {
        String ownCourtOrder = submit(Orders.valid(reference("PR-OWN")), "police-de");
        String ownPreservation = submit(Orders.asPreservation(Orders.valid(reference("PR-PRES")), OrderType.EU_PRESERVATION_ORDER),
                "police-de");
        String othersPreservation = submit(american(Orders.asPreservation(Orders.valid(reference("PR-US")),
                OrderType.PRESERVATION_REQUEST)), "court-us");
        long before = orders.count();

        JsonNode malformed = refused(production("PR-1", "LO-26-1"));
        assertThat(malformed.get("errors").get(0).get("message").asText()).contains("LO-YYYY-NNNNNN");

        JsonNode unknown = refused(production("PR-2", "LO-2000-000000"));
        JsonNode others = refused(production("PR-3", othersPreservation));
        // another authority's order answers exactly like one that does not exist
        assertThat(others.get("errors")).isEqualTo(unknown.get("errors"));
        assertThat(others.get("detail")).isEqualTo(unknown.get("detail"));
        assertThat(others.toString()).doesNotContain(othersPreservation);
        assertThat(unknown.get("errors").get(0).get("message").asText())
                .isEqualTo("does not name a preservation order submitted by this intake account");

        JsonNode notAPreservation = refused(production("PR-4", ownCourtOrder));
        assertThat(notAPreservation.get("errors").get(0).get("message").asText()).contains("not a preservation order");

        JsonNode preservationOfPreservation = refused(JSON.valueToTree(Orders.withPreservationReference(
                Orders.asPreservation(Orders.valid(reference("PR-5")), OrderType.PRESERVATION_REQUEST), ownPreservation)));
        assertThat(preservationOfPreservation.get("errors").get(0).get("message").asText()).contains("only a production order");
        assertThat(orders.count()).isEqualTo(before);

        ObjectNode production = production("PR-OK", ownPreservation);
        ResponseEntity<JsonNode> created = post("/api/orders", production.toString(), "police-de");
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String trackingNumber = created.getBody().get("trackingNumber").asText();
        assertThat(created.getBody().get("preservationReference").asText()).isEqualTo(ownPreservation);
        assertThat(orders.get(trackingNumber).preservationReference()).isEqualTo(ownPreservation);
        assertThat(created.getBody().get("timeline").findValuesAsText("detail"))
                .contains("Order received over the API, building on preservation order " + ownPreservation + ".");

        // the reference is part of what makes two submissions the same order
        assertThat(post("/api/orders", production.toString(), "police-de").getStatusCode()).isEqualTo(HttpStatus.OK);
        production.remove("preservationReference");
        ResponseEntity<JsonNode> conflict = post("/api/orders", production.toString(), "police-de");
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().get("errors").findValuesAsText("field")).containsExactly("preservationReference");
    }

    @Test
    void aProductionOrderDisclosesWhatThePreservationFrozeAfterTheDirectoryLostIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OrderSubmission.Period lastYear = new OrderSubmission.Period(now.minus(Duration.ofDays(360)), now);
        String preservation = endedPreservation(withPeriod(Orders.valid(reference("E2E-PRES"),
                List.of(new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0250"))), lastYear));
        PreservationRecord held = preservations.preserve(preservation);
        List<String> frozenIps = preservations.heldSnapshot(preservation).orElseThrow().targets().get(0).data()
                .ipEntries().stream().map(e -> e.ip() + "@" + e.seenAt()).toList();
        assertThat(frozenIps).isNotEmpty();
        // the platform's retention deletes the account's IP log after the preservation
        assertThat(new JdbcTemplate(dataSource).update(
                "DELETE FROM sub_ip_log WHERE account_id = (SELECT id FROM sub_account WHERE username = '@demo0250')")).isPositive();

        String production = submit(withPeriod(Orders.withPreservationReference(Orders.valid(reference("E2E-PROD"),
                List.of(new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0250"),
                        new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0251"))), preservation), lastYear), "police-de");
        awaitStatus(production, "IN_LEGAL_ANALYSIS");
        completeTask(production, "analyst", """
                {"variables": {"analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order building on the preservation of the suspect's data."}}}""");
        awaitStatus(production, "AWAITING_APPROVAL");
        completeTask(production, "approver", "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
        awaitStatus(production, "DISCLOSED");

        ResponseEntity<byte[]> download = http.exchange("/api/orders/" + production + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(ApiRequests.signedIn("police-de")), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode pack = JSON.readTree(download.getBody());
        assertThat(pack.at("/preservation/snapshotSha256").asText()).isEqualTo(held.sha256());
        JsonNode preserved = pack.get("targets").get(0);
        assertThat(preserved.get("source").asText()).isEqualTo("PRESERVED");
        assertThat(preserved.at("/preservation/trackingNumber").asText()).isEqualTo(preservation);
        assertThat(preserved.has("phoneNumber")).isFalse();
        List<String> disclosedIps = new ArrayList<>();
        preserved.get("ipAddresses").forEach(ip -> disclosedIps.add(ip.get("ip").asText() + "@" + ip.get("seenAt").asText()));
        assertThat(disclosedIps).isNotEmpty();
        assertThat(frozenIps).containsAll(disclosedIps);
        JsonNode live = pack.get("targets").get(1);
        assertThat(live.get("source").asText()).isEqualTo("LIVE");
        assertThat(live.get("ipAddresses")).isNotEmpty();
    }

    @Test
    void theDocumentedPreservationExampleIsAccepted() throws Exception {
        JsonNode examples = JSON.readTree(http.getForEntity("/v3/api-docs", String.class).getBody())
                .at("/paths/~1api~1orders/post/requestBody/content/application~1json/examples");
        ObjectNode preservation = (ObjectNode) examples.at("/preservationOrder/value");
        preservation.put("reference", reference("EX-PRES"));
        ResponseEntity<JsonNode> preserved = post("/api/orders", preservation.toString(), "police-de");
        assertThat(preserved.getStatusCode()).as(String.valueOf(preserved.getBody())).isEqualTo(HttpStatus.CREATED);

        ObjectNode production = (ObjectNode) examples.at("/productionOfPreservedData/value");
        production.put("reference", reference("EX-PROD"));
        production.put("preservationReference", preserved.getBody().get("trackingNumber").asText());
        ResponseEntity<JsonNode> created = post("/api/orders", production.toString(), "police-de");
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void bothExtensionsAreDocumentedWithTheirAnswers() throws Exception {
        JsonNode paths = JSON.readTree(http.getForEntity("/v3/api-docs", String.class).getBody()).get("paths");
        JsonNode preservation = paths.at("/~1api~1orders~1{trackingNumber}~1preservation-extension/post");
        JsonNode nonDisclosure = paths.at("/~1api~1orders~1{trackingNumber}~1non-disclosure-extension/post");

        assertThat(preservation.at("/responses/200/content/application~1json/examples/extended/value/preservation/extended")
                .asBoolean()).isTrue();
        assertThat(preservation.at("/responses/409/content/application~1problem+json/examples").has("alreadyExtended")).isTrue();
        assertThat(preservation.at("/responses/404/content/application~1problem+json/examples").has("notFound")).isTrue();
        assertThat(preservation.at("/security/0").has("basicAuth")).isTrue();
        assertThat(nonDisclosure.at("/requestBody/content/application~1json/examples/extension/value/nonDisclosureUntil")
                .asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(nonDisclosure.at("/responses/400/content/application~1problem+json/examples/notLater/value/errors/0/field")
                .asText()).isEqualTo("nonDisclosureUntil");
        assertThat(nonDisclosure.at("/responses/409/content/application~1problem+json/examples").has("tooLate")).isTrue();
        assertThat(paths.at("/~1api~1orders/post/responses/400/content/application~1problem+json/examples/unknownPreservation"
                + "/value/errors/0/field").asText()).isEqualTo("preservationReference");
    }

    // --- POST /api/orders/{trackingNumber}/preservation-extension -------------------------------

    @Test
    void aPreservationIsExtendedOnlyByItsAuthorityAndOnlyWhileItsHoldAllows() throws Exception {
        String trackingNumber = endedPreservation("EXT-STATES");
        String path = "/api/orders/" + trackingNumber + "/preservation-extension";

        assertThat(post(path, "{}", "court-us").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/orders/LO-2000-000000/preservation-extension", "{}", "police-de").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(path, "{}", "analyst").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(path, "{\"reason\": \"" + "x".repeat(4001) + "\"}", "police-de").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // refused by the validity check: nothing was frozen
        assertThat(conflict(path, "preservation-state").get("detail").asText()).contains("No preservation hold is active");

        // a hold, but the process no longer waits for an extension: refused, and nothing recorded
        PreservationRecord held = preservations.preserve(trackingNumber);
        JsonNode notWaiting = conflict(path, "order-state");
        assertThat(notWaiting.get("detail").asText()).contains("is not waiting for an extension");
        assertThat(preservations.find(trackingNumber)).contains(held);
        assertThat(timeline.of(trackingNumber)).noneMatch(e -> e.step() == TimelineStep.PRESERVATION_EXTENSION_REQUESTED);
        assertThat(notes.of(trackingNumber)).isEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("UPDATE dd_preservation SET held_until = ? WHERE tracking_number = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), trackingNumber);
        assertThat(conflict(path, "preservation-state").get("detail").asText()).contains("can no longer be extended");
        jdbc.update("UPDATE dd_preservation SET held_until = ? WHERE tracking_number = ?",
                held.heldUntil().atOffset(ZoneOffset.UTC), trackingNumber);

        preservations.extend(trackingNumber);
        assertThat(conflict(path, "preservation-state").get("detail").asText()).contains("already extended once");

        preservations.deleteSnapshot(trackingNumber);
        assertThat(conflict(path, "preservation-state").get("detail").asText()).contains("snapshot was deleted");
    }

    @Test
    void aProductionOrderHasNoHoldToExtend() throws Exception {
        String trackingNumber = submit(Orders.valid(reference("EXT-PROD")), "police-de");
        assertThat(conflict("/api/orders/" + trackingNumber + "/preservation-extension", "order-state").get("detail").asText())
                .contains("not a preservation order");
    }

    @Test
    void theExtensionMessageExtendsTheHoldOnceInItsTransaction() throws Exception {
        String trackingNumber = endedPreservation("EXT-OK");
        PreservationRecord held = preservations.preserve(trackingNumber);
        String receiver = runtime.startProcessInstanceByKey(PRESERVATION_RECEIVER, trackingNumber).getId();

        ResponseEntity<JsonNode> extended = post("/api/orders/" + trackingNumber + "/preservation-extension",
                "{\"reason\": \"The production order is being prepared.\"}", "police-de");

        assertThat(extended.getStatusCode()).as(String.valueOf(extended.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode hold = extended.getBody().get("preservation");
        assertThat(hold.get("extended").asBoolean()).isTrue();
        assertThat(Instant.parse(hold.get("heldUntil").asText())).isEqualTo(held.heldUntil().plus(Duration.ofDays(30)));
        assertThat(Instant.parse(hold.get("preservedAt").asText())).isEqualTo(held.preservedAt());
        assertThat(extended.getBody().get("timeline").findValuesAsText("step")).contains("PRESERVATION_EXTENSION_REQUESTED");
        assertThat(extended.getBody().get("authorityNotes").findValuesAsText("kind")).containsExactly("PRESERVATION_EXTENSION");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(receiver).count()).isZero();

        // once only: a second extension is refused before any message is sent
        runtime.startProcessInstanceByKey(PRESERVATION_RECEIVER, trackingNumber);
        assertThat(conflict("/api/orders/" + trackingNumber + "/preservation-extension", "preservation-state")
                .get("detail").asText()).contains("already extended once");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PRESERVATION_RECEIVER)
                .processInstanceBusinessKey(trackingNumber).count()).isEqualTo(1);
    }

    @Test
    void aRefusalOfTheProcessStepIsAConflictAndUndoesTheWholeExtension() throws Exception {
        String trackingNumber = endedPreservation("EXT-TWICE");
        PreservationRecord held = preservations.preserve(trackingNumber);
        String extender = runtime.startProcessInstanceByKey(DOUBLE_EXTENDER, trackingNumber).getId();

        JsonNode refused = conflict("/api/orders/" + trackingNumber + "/preservation-extension", "preservation-state");

        assertThat(refused.get("detail").asText()).contains("already extended once");
        assertThat(preservations.find(trackingNumber)).contains(held);
        assertThat(timeline.of(trackingNumber)).noneMatch(e -> e.step() == TimelineStep.PRESERVATION_EXTENSION_REQUESTED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(extender).count()).isEqualTo(1);
        runtime.deleteProcessInstance(extender, "test done");
    }

    // --- POST /api/orders/{trackingNumber}/non-disclosure-extension -----------------------------

    @Test
    void aNonDisclosureExtensionNamesABadDateAndChangesNothing() throws Exception {
        String trackingNumber = submit(Orders.valid(reference("ND-BAD")), "police-de");
        LocalDate current = orders.get(trackingNumber).nonDisclosureUntil();
        String path = "/api/orders/" + trackingNumber + "/non-disclosure-extension";

        assertThat(badDate(path, "{}").get("detail").asText()).contains("nonDisclosureUntil");
        assertThat(badDate(path, "{\"nonDisclosureUntil\": null}").get("errors").findValuesAsText("field"))
                .containsExactly("nonDisclosureUntil");
        assertThat(badDate(path, "{\"nonDisclosureUntil\": \"2027-13-01\"}").get("errors").get(0).get("message").asText())
                .contains("YYYY-MM-DD");
        assertThat(badDate(path, "{\"nonDisclosureUntil\": \"20.05.2027\"}").get("errors").findValuesAsText("field"))
                .containsExactly("nonDisclosureUntil");
        assertThat(badDate(path, "{\"nonDisclosureUntil\": \"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}")
                .get("errors").get(0).get("message").asText()).isEqualTo("must be in the future");
        assertThat(badDate(path, "{\"nonDisclosureUntil\": \"" + current + "\"}").get("errors").get(0).get("message").asText())
                .isEqualTo("must be later than the order's current nonDisclosureUntil (" + current + ")");
        ResponseEntity<JsonNode> unknownField = post(path, "{\"until\": \"" + current.plusDays(30) + "\"}", "police-de");
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("errors").findValuesAsText("field")).containsExactly("until");

        String later = "{\"nonDisclosureUntil\": \"" + current.plusDays(30) + "\"}";
        assertThat(post(path, later, "court-us").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/orders/LO-2000-000000/non-disclosure-extension", later, "police-de").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(path, later, "analyst").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(orders.get(trackingNumber).nonDisclosureUntil()).isEqualTo(current);
        assertThat(timeline.of(trackingNumber)).noneMatch(e -> e.step() == TimelineStep.NON_DISCLOSURE_EXTENDED);
    }

    @Test
    void aNonDisclosureExtensionNobodyWaitsForIsAConflictAndIsNotStored() throws Exception {
        String trackingNumber = ended(Orders.valid(reference("ND-LATE")));
        LocalDate current = orders.get(trackingNumber).nonDisclosureUntil();

        ResponseEntity<JsonNode> late = post("/api/orders/" + trackingNumber + "/non-disclosure-extension",
                "{\"nonDisclosureUntil\": \"" + current.plusDays(30) + "\", \"reason\": \"Extended by the court.\"}", "police-de");

        assertThat(late.getStatusCode()).as(String.valueOf(late.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(late.getBody().get("detail").asText()).contains("is not waiting to notify the user");
        assertThat(orders.get(trackingNumber).nonDisclosureUntil()).isEqualTo(current);
        assertThat(timeline.of(trackingNumber)).noneMatch(e -> e.step() == TimelineStep.NON_DISCLOSURE_EXTENDED);
        assertThat(notes.of(trackingNumber)).isEmpty();
    }

    @Test
    void theNonDisclosureMessageCarriesTheNewDateAndTheOrderKeepsIt() throws Exception {
        String trackingNumber = ended(Orders.valid(reference("ND-OK")));
        LocalDate extendedTo = orders.get(trackingNumber).nonDisclosureUntil().plusDays(90);
        String receiver = runtime.startProcessInstanceByKey(NON_DISCLOSURE_RECEIVER, trackingNumber).getId();

        ResponseEntity<JsonNode> extended = post("/api/orders/" + trackingNumber + "/non-disclosure-extension",
                "{\"nonDisclosureUntil\": \"" + extendedTo + "\", \"reason\": \"Extended by the court.\"}", "police-de");

        assertThat(extended.getStatusCode()).as(String.valueOf(extended.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(orders.get(trackingNumber).nonDisclosureUntil()).isEqualTo(extendedTo);
        assertThat(extended.getBody().get("timeline").findValuesAsText("detail"))
                .contains("Non-disclosure extended until " + extendedTo + ": the user is not notified before then.");
        assertThat(extended.getBody().get("authorityNotes").findValuesAsText("kind")).containsExactly("NON_DISCLOSURE_EXTENSION");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(receiver).variableName("nonDisclosureUntil")
                .singleResult().getValue()).isEqualTo(extendedTo.toString());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(receiver).count()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String reference(String prefix) {
        return "AZ-" + prefix + "-" + System.nanoTime();
    }

    /** The order for a US authority, as court-us (bound to US) submits it. */
    private static OrderSubmission american(OrderSubmission o) {
        return new OrderSubmission(o.reference(), o.orderType(), new OrderSubmission.Authority("District Attorney New York", "US",
                null), new OrderSubmission.Issuer(o.issuer().type(), "Supreme Court of the State of New York"), o.issuedOn(),
                o.validUntil(), o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(),
                o.dataCategories(), o.period(), o.nonDisclosureUntil(), o.documentSha256(), o.preservationReference());
    }

    private static ObjectNode production(String prefix, String preservationReference) {
        return JSON.valueToTree(Orders.withPreservationReference(Orders.valid(reference(prefix)), preservationReference));
    }

    /** An EU preservation order that the validity check refuses (an offence outside the Terms of Service). */
    private String endedPreservation(String prefix) throws Exception {
        return endedPreservation(Orders.valid(reference(prefix)));
    }

    private String endedPreservation(OrderSubmission order) throws Exception {
        return ended(Orders.asPreservation(order, OrderType.EU_PRESERVATION_ORDER));
    }

    private static OrderSubmission withPeriod(OrderSubmission o, OrderSubmission.Period period) {
        return new OrderSubmission(o.reference(), o.orderType(), o.authority(), o.issuer(), o.issuedOn(), o.validUntil(),
                o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(), period,
                o.nonDisclosureUntil(), o.documentSha256(), o.preservationReference());
    }

    private void awaitStatus(String trackingNumber, String status) throws InterruptedException {
        ApiRequests.awaitOrder(n -> get("/api/orders/" + n, "police-de").getBody(), trackingNumber,
                s -> status.equals(s.get("status").asText()), status);
    }

    /** Claims and completes the order's one open task visible to the user, over the engine REST API. */
    private void completeTask(String trackingNumber, String user, String variables) {
        JsonNode tasks = engineRest(HttpMethod.GET, "/task?processInstanceBusinessKey=" + trackingNumber, null, user).getBody();
        assertThat(tasks).as("open tasks of %s visible to %s", trackingNumber, user).hasSize(1);
        String task = tasks.get(0).get("id").asText();
        assertThat(engineRest(HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}", user)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> completed = engineRest(HttpMethod.POST, "/task/" + task + "/complete", variables, user);
        assertThat(completed.getStatusCode()).as(String.valueOf(completed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> engineRest(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }


    /** Submits the order with an offence the validity check refuses, and waits until its process has ended. */
    private String ended(OrderSubmission order) throws Exception {
        String trackingNumber = submit(Orders.withOffence(order, Offence.DEFAMATION), "police-de");
        ApiRequests.awaitOrder(n -> get("/api/orders/" + n, "police-de").getBody(), trackingNumber,
                s -> "REJECTED".equals(s.get("status").asText())
                        && runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count() == 0,
                "REJECTED with its process ended");
        return trackingNumber;
    }

    private String submit(OrderSubmission order, String user) throws Exception {
        ResponseEntity<JsonNode> created = post("/api/orders", JSON.writeValueAsString(order), user);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("trackingNumber").asText();
    }

    /** Submits as police-de, expects 400 naming preservationReference only; the problem. */
    private JsonNode refused(JsonNode order) {
        ResponseEntity<JsonNode> response = post("/api/orders", order.toString(), "police-de");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("preservationReference");
        return response.getBody();
    }

    private JsonNode badDate(String path, String body) {
        ResponseEntity<JsonNode> response = post(path, body, "police-de");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("nonDisclosureUntil");
        return response.getBody();
    }

    /** Posts an (empty) extension as police-de, expects 409 of the given problem type; the problem. */
    private JsonNode conflict(String path, String problemType) {
        ResponseEntity<JsonNode> response = post(path, "{}", "police-de");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).endsWith("/" + problemType);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> post(String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(ApiRequests.signedIn(user)), JsonNode.class);
    }
}
