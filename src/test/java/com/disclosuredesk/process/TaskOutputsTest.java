package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** Each task's own outputs, by name and type; everything else is refused with a text that names the variable. */
class TaskOutputsTest {

    @Test
    void aTaskAcceptsItsOwnOutputsOfTheirType() {
        assertThat(TaskOutputs.problem("Task_Approval", "approvalDecision", "APPROVE")).isEmpty();
        assertThat(TaskOutputs.problem("Task_Approval", "approvalComment", null)).isEmpty();
        assertThat(TaskOutputs.problem("Task_Approval", "approvalDecision", Variables.untypedValue("RETURN"))).isEmpty();
        assertThat(TaskOutputs.problem("Task_LegalAnalysis", "approvedCategories",
                SpinValues.jsonValue("[\"IP_ADDRESS\"]").create())).isEmpty();
        assertThat(TaskOutputs.problem("Task_LegalAnalysis", "approvedCategories", "[\"IP_ADDRESS\"]")).isEmpty();
        assertThat(TaskOutputs.problem("Task_LegalAnalysis", "approvedCategories", List.of("IP_ADDRESS"))).isEmpty();
        assertThat(TaskOutputs.problem("Task_VerifyRequester", "requesterVerified", "true")).isEmpty();
        assertThat(TaskOutputs.problem("Task_VerifyRequester", "requesterVerified", Variables.booleanValue(false))).isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingTheOutputsItAccepts() {
        assertThat(TaskOutputs.problem("Task_Approval", "trackingNumber", "LO-2026-000002")).hasValueSatisfying(problem ->
                assertThat(problem).contains("not an output of Task_Approval").contains("approvalDecision, approvalComment"));
        assertThat(TaskOutputs.problem("Task_Approval", "approvedCategories", "[\"PHONE_NUMBER\"]")).isPresent();
        assertThat(TaskOutputs.problem("Task_Approval", "analysedBy", "analyst2")).isPresent();
        assertThat(TaskOutputs.problem("Task_LegalAnalysis", "approvalDecision", "APPROVE")).isPresent();
        assertThat(TaskOutputs.problem("Task_Unknown", "anything", "x")).hasValueSatisfying(p -> assertThat(p).contains("takes no input"));
    }

    @Test
    void anOutputOfTheWrongTypeIsRefused() {
        assertThat(TaskOutputs.problem("Task_Approval", "approvalDecision", 1)).hasValue("must be a string");
        assertThat(TaskOutputs.problem("Task_VerifyRequester", "requesterVerified", "yes")).hasValue("must be true or false");
        assertThat(TaskOutputs.problem("Task_LegalAnalysis", "approvedCategories", List.of(1, 2))).isPresent();
        assertThat(TaskOutputs.problem("Task_LegalAnalysis", "approvedCategories",
                Variables.serializedObjectValue("rO0AB").serializationDataFormat("application/x-java-serialized-object").create()))
                .isPresent();
        assertThat(TaskOutputs.problem("Task_Approval", "approvalComment",
                Variables.objectValue(new java.util.ArrayList<>()).create())).isPresent();
    }

    @Test
    void theStartFormTakesItsFieldsOnly() {
        assertThat(TaskOutputs.problem(TaskOutputs.START_FORM, "orderReference", "AZ-1")).isEmpty();
        assertThat(TaskOutputs.problem(TaskOutputs.START_FORM, "issuedOn", "2026-11-20")).isEmpty();
        assertThat(TaskOutputs.problem(TaskOutputs.START_FORM, "trackingNumber", "LO-2026-000001")).isPresent();
    }

    /** Tasklist submits every keyed field of a form: each must be an output of every element that uses the form. */
    @Test
    void everyFieldOfEveryFormIsAnOutputOfItsTask() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var model = java.nio.file.Files.newInputStream(java.nio.file.Path.of("processes/legal-order.bpmn"))) {
            var bpmn = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(model);
            List<org.camunda.bpm.model.bpmn.instance.FlowNode> withForms = new java.util.ArrayList<>();
            withForms.addAll(bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class));
            withForms.addAll(bpmn.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class));
            int checked = 0;
            for (var node : withForms) {
                String formRef = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                if (formRef == null) {
                    continue;
                }
                List<String> fields = new java.util.ArrayList<>();
                collectKeys(mapper.readTree(java.nio.file.Path.of("forms", formRef + ".form").toFile()), fields);
                assertThat(fields).as("fields of %s", formRef).isNotEmpty();
                assertThat(TaskOutputs.of(node.getId()).keySet()).as("outputs of %s (form %s)", node.getId(), formRef)
                        .containsAll(fields);
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(8);
        }
    }

    private static void collectKeys(com.fasterxml.jackson.databind.JsonNode node, List<String> keys) {
        for (var component : node.path("components")) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component, keys);
        }
    }

    @Test
    void everyUserTaskOfTheModelHasItsOutputs() throws Exception {
        try (var model = java.nio.file.Files.newInputStream(java.nio.file.Path.of("processes/legal-order.bpmn"))) {
            List<String> userTasks = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(model)
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream()
                    .map(org.camunda.bpm.model.bpmn.instance.UserTask::getId).toList();
            assertThat(userTasks).isNotEmpty();
            assertThat(TaskOutputs.all().keySet()).containsAll(userTasks).contains(TaskOutputs.START_FORM);
            userTasks.forEach(task -> assertThat(TaskOutputs.of(task)).as(task).isNotEmpty());
        }
    }
}
