package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The upgrade procedure of docs/operations.md, over the engine REST API as an administrator: an order runs on the
 * previous version of legal-order (1.0, from the repository's history), the current version is deployed, the
 * running instance is migrated with a generated migration plan, and the order then completes on the current version.
 */
@DisclosureDeskHttpTest
class ProcessMigrationHttpTest {

    private static final List<String> FORMS = List.of("legal-analysis.form", "approval.form", "start-legal-order.form",
            "verify-requester.form", "emergency-approval.form", "analysis-after-disclosure.form");

    /** legal-order 1.3 moved these waiting activities of 1.2 into embedded sub-processes (docs/operations.md). */
    private static final List<String> MOVED_IN_1_3 = List.of("Task_VerifyRequester",
            "Gateway_AwaitClarification", "Event_ClarificationReceived", "Event_ClarificationOverdue",
            "Gateway_PreservationHold", "Event_PreservationExpired", "Event_PreservationExtended",
            "Task_AnalysisAfterDisclosure",
            "Gateway_AwaitNonDisclosureEnd", "Event_NonDisclosureEnded", "Event_NonDisclosureExtended");

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void runningOrderIsMigratedFromThePreviousVersionToTheCurrentOneAndCompletes() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String previous = deploy("legal-order 1.0 (migration test)", "migration/legal-order-1.0.bpmn");
        assertThat(definition(previous).get("versionTag").asText()).isEqualTo("1.0");

        // an order arrives while 1.0 is the latest version, and waits for its analysis
        String trackingNumber = flow.submit(Orders.valid("AZ-MIGRATE-" + System.nanoTime()));
        flow.awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        String instance = processInstance(trackingNumber).get("id").asText();
        assertThat(processInstance(trackingNumber).get("definitionId").asText()).isEqualTo(previous);
        // version 1.0 had no withdrawal: the order cannot be withdrawn yet
        assertThat(subscriptions(instance, LegalOrderProcess.MESSAGE_ORDER_WITHDRAWN)).isEmpty();

        // the current version is deployed (a release does this at start-up), and the running order migrated
        String current = deploy("legal-order current (migration test)", "legal-order.bpmn");
        assertThat(definition(current).get("version").asInt()).isGreaterThan(definition(previous).get("version").asInt());
        ObjectNode generate = json.createObjectNode().put("sourceProcessDefinitionId", previous)
                .put("targetProcessDefinitionId", current).put("updateEventTriggers", true);
        ResponseEntity<JsonNode> plan = engineRest(HttpMethod.POST, "/migration/generate", generate.toString());
        assertThat(plan.getStatusCode()).as(String.valueOf(plan.getBody())).isEqualTo(HttpStatus.OK);
        // version 1.2 put the analysis and the approval into sub-processes (their escalations): the engine does not
        // map a task into a new scope by itself, the plan says so, and it sets what 1.2 reads and 1.0 never wrote
        ObjectNode migrationPlan = (ObjectNode) plan.getBody();
        assertThat(migrationPlan.get("instructions").findValues("sourceActivityIds").toString())
                .contains("Task_RegisterOrder").doesNotContain("Task_LegalAnalysis");
        for (String task : List.of("Task_LegalAnalysis", "Task_Approval")) {
            ObjectNode instruction = migrationPlan.withArray("instructions").addObject();
            instruction.putArray("sourceActivityIds").add(task);
            instruction.putArray("targetActivityIds").add(task);
            instruction.put("updateEventTrigger", false);
        }
        Object answerDueAt = engine.getRuntimeService().getVariable(instance, "answerDueAt");
        String due = new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format((java.util.Date) answerDueAt);
        ObjectNode variables = migrationPlan.putObject("variables");
        variables.putObject("escalationAt").put("value", due).put("type", "Date");
        variables.putObject("escalatedPriority").put("value", 80).put("type", "Integer");
        variables.putObject("emergencyApprovedAlone").put("value", false).put("type", "Boolean");
        variables.putObject("requesterVerified").putNull("value").put("type", "Null");
        variables.putObject("nonDisclosureEndsAt").putNull("value").put("type", "Null");

        ResponseEntity<JsonNode> validation = engineRest(HttpMethod.POST, "/migration/validate", migrationPlan.toString());
        assertThat(validation.getBody().get("instructionReports")).as(validation.getBody().toString()).isEmpty();

        ObjectNode execute = json.createObjectNode();
        execute.set("migrationPlan", migrationPlan);
        execute.putArray("processInstanceIds").add(instance);
        execute.put("skipCustomListeners", false).put("skipIoMappings", false);
        ResponseEntity<JsonNode> executed = engineRest(HttpMethod.POST, "/migration/execute", execute.toString());
        assertThat(executed.getStatusCode()).as(String.valueOf(executed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);

        // the same instance, same task, now on the current version: the withdrawal is possible again
        assertThat(processInstance(trackingNumber).get("id").asText()).isEqualTo(instance);
        assertThat(processInstance(trackingNumber).get("definitionId").asText()).isEqualTo(current);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId()).isEqualTo(current);
        assertThat(subscriptions(instance, LegalOrderProcess.MESSAGE_ORDER_WITHDRAWN)).hasSize(1);
        // and the analysis' clock of 1.2 runs on the migrated task
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("Event_AnalysisOverdue").singleResult().getDuedate()).isEqualTo(answerDueAt);

        // and the order completes on the current version
        JsonNode disclosed = flow.discloseAfterAnalysisAndApproval(trackingNumber);
        assertThat(disclosed.get("outcome").asText()).isEqualTo("FULFILLED");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getProcessDefinitionId()).isEqualTo(current);
    }

    @Test
    void ordersWaitingInBlocksThatMovedIntoSubProcessesAreMigratedFrom12OverTheEngineRestApi() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String previous = deploy("legal-order 1.2 (migration test)", "migration/legal-order-1.2.bpmn");
        assertThat(definition(previous).get("versionTag").asText()).isEqualTo("1.2");
        // one order waits for the call-back, one for the authority's clarification (a timer of 14 days runs)
        String verification = flow.submit(Orders.emergency(Orders.valid("AZ-MIGRATE-V-" + System.nanoTime())));
        flow.awaitStatus(verification, "NEEDS_VERIFICATION");
        String clarification = flow.submit(Orders.withoutDigest(Orders.valid("AZ-MIGRATE-C-" + System.nanoTime())));
        flow.awaitStatus(clarification, "NEEDS_CLARIFICATION");
        List<String> instances = List.of(processInstance(verification).get("id").asText(),
                processInstance(clarification).get("id").asText());
        var clarificationTimer = engine.getManagementService().createJobQuery().processInstanceId(instances.get(1))
                .activityId("Event_ClarificationOverdue").singleResult();

        String current = deploy("legal-order current (migration test)", "legal-order.bpmn");
        assertThat(definition(current).get("versionTag").asText()).isEqualTo("1.3");
        // the plan of docs/operations.md: generated without updateEventTriggers, plus the activities that moved
        ObjectNode generate = json.createObjectNode().put("sourceProcessDefinitionId", previous)
                .put("targetProcessDefinitionId", current);
        ObjectNode plan = (ObjectNode) engineRest(HttpMethod.POST, "/migration/generate", generate.toString()).getBody();
        assertThat(plan.get("instructions").findValues("sourceActivityIds").toString())
                .contains("Task_LegalAnalysis", "Event_AnalysisOverdue").doesNotContain("Task_VerifyRequester");
        for (String activity : MOVED_IN_1_3) {
            ObjectNode instruction = plan.withArray("instructions").addObject();
            instruction.putArray("sourceActivityIds").add(activity);
            instruction.putArray("targetActivityIds").add(activity);
            instruction.put("updateEventTrigger", false);
        }
        ResponseEntity<JsonNode> validation = engineRest(HttpMethod.POST, "/migration/validate", plan.toString());
        assertThat(validation.getBody().get("instructionReports")).as(validation.getBody().toString()).isEmpty();
        ObjectNode execute = json.createObjectNode();
        execute.set("migrationPlan", plan);
        instances.forEach(execute.putArray("processInstanceIds")::add);
        execute.put("skipCustomListeners", false).put("skipIoMappings", false);
        ResponseEntity<JsonNode> executed = engineRest(HttpMethod.POST, "/migration/execute", execute.toString());
        assertThat(executed.getStatusCode()).as(String.valueOf(executed.getBody())).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(processInstance(verification).get("definitionId").asText()).isEqualTo(current);
        assertThat(engine.getRuntimeService().getActiveActivityIds(instances.get(0))).containsExactly("Task_VerifyRequester");
        assertThat(engine.getRuntimeService().getActivityInstance(instances.get(1))
                .getActivityInstances("SubProcess_Clarification")).hasSize(1);
        var migratedTimer = engine.getManagementService().createJobQuery().processInstanceId(instances.get(1))
                .activityId("Event_ClarificationOverdue").singleResult();
        assertThat(migratedTimer.getId()).isEqualTo(clarificationTimer.getId());
        assertThat(migratedTimer.getDuedate()).isEqualTo(clarificationTimer.getDuedate());
        assertThat(migratedTimer.getProcessDefinitionId()).isEqualTo(current);

        // the call-back is recorded on the current version and the order goes on to its analysis
        flow.completeTask(verification, "analyst", """
                {"variables": {"requesterVerified": {"value": "true"},
                  "verificationNote": {"value": "Called the duty officer through the switchboard of the official directory."}}}
                """);
        flow.awaitStatus(verification, "IN_LEGAL_ANALYSIS");
    }

    /** Deploys one BPMN resource of the classpath with the forms, as legal-order.bpmn; answers the definition id. */
    private String deploy(String name, String bpmn) throws IOException {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "operations");
        parts.add("legal-order.bpmn", file("legal-order.bpmn", bpmn));
        for (String form : FORMS) {
            parts.add(form, file(form, form));
        }
        HttpHeaders headers = ApiRequests.signedIn("admin");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> deployed = http.exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode definitions = deployed.getBody().get("deployedProcessDefinitions");
        assertThat(definitions).hasSize(1);
        return definitions.elements().next().get("id").asText();
    }

    private static ByteArrayResource file(String filename, String classpathResource) throws IOException {
        byte[] content = new ClassPathResource(classpathResource).getContentAsByteArray();
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }

    private JsonNode definition(String id) {
        return engineRest(HttpMethod.GET, "/process-definition/" + id, null).getBody();
    }

    private JsonNode processInstance(String trackingNumber) {
        JsonNode instances = engineRest(HttpMethod.GET, "/process-instance?businessKey=" + trackingNumber, null).getBody();
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    private JsonNode subscriptions(String instance, String message) {
        return engineRest(HttpMethod.GET, "/event-subscription?processInstanceId=" + instance + "&eventName=" + message,
                null).getBody();
    }

    private ResponseEntity<JsonNode> engineRest(HttpMethod method, String path, String body) {
        HttpHeaders headers = ApiRequests.signedIn("admin");
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
