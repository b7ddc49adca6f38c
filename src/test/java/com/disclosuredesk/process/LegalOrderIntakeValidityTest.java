package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.support.Orders;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Receipt and validity: the start form, invalid orders, due dates and the Tasklist order. */
class LegalOrderIntakeValidityTest extends LegalOrderProcessTestSupport {

    @Test
    void paperOrderEnteredWithTheStartFormIsRegisteredWithoutKeepingTargetsInTheEngine() {
        Map<String, Object> form = startForm(nextReference());
        identity.setAuthentication("analyst", List.of("legal-analysts"));
        ProcessInstance pi = engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("legal-order")
                        .latestVersion().singleResult().getId(), form);
        identity.clearAuthentication();

        String trackingNumber = pi.getBusinessKey();
        assertThat(trackingNumber).matches("LO-\\d{4}-\\d{6}");
        var order = orders.get(trackingNumber);
        assertThat(order.submittedBy()).isEqualTo("analyst");
        assertThat(order.targets()).extracting(t -> t.type().name() + " " + t.value())
                .containsExactly("USERNAME @demo0003", "PHONE +4915112345678");
        assertThat(runtime.getVariable(pi.getId(), "targetList")).isNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("targetList").count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).list())
                .noneMatch(d -> d.toString().contains("4915112345678"));
        assertThat(runtime.getVariable(pi.getId(), "targetsSummary").toString()).doesNotContain("4915112345678");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
    }

    @Test
    void startFormWithMissingFieldsIsRefusedAndNothingIsStored() {
        Map<String, Object> form = startForm(nextReference());
        form.remove("authorityName");
        form.put("targetList", "not a target\n@ok_user");
        long ordersBefore = orders.count();
        long instancesBefore = runtime.createProcessInstanceQuery().count();
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("legal-order").latestVersion().singleResult().getId();
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId, form))
                .hasMessageContaining("authority.name").hasMessageContaining("targets[0].value")
                .hasMessageNotContaining("not a target");
        assertThat(orders.count()).isEqualTo(ordersBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void invalidOrderIsRefusedWithReasonsAndLogged() {
        ProcessInstance pi = submit(Orders.withOffence(Orders.valid(nextReference()), Offence.DEFAMATION));
        assertThat(pi).isWaitingAt("Task_LogTransparency");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderInvalid").hasNotPassed("Task_LegalAnalysis");
        assertThat(pi).variables().containsEntry("validityOutcome", "INVALID").containsEntry("orderOutcome", "INVALID");
        var status = orders.status(pi.getBusinessKey()).orElseThrow();
        assertThat(status.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(status.reason()).contains("DEFAMATION").contains("Terms of Service");
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.INVALID);
    }

    @Test
    void everyTaskIsDueByTheOrdersDeadlineAndEuProductionOrdersHaveTenDays() {
        java.util.Date before = new java.util.Date();
        ProcessInstance pi = submit(Orders.withType(Orders.valid(nextReference()), OrderType.EU_PRODUCTION_ORDER, IssuerType.COURT));
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        java.util.Date due = task(pi).getDueDate();
        assertThat(due).isBetween(plus(before, Duration.ofDays(10).minusMinutes(1)), plus(new java.util.Date(), Duration.ofDays(10)));
        assertThat(task(pi).getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_STANDARD);
        assertThat(runtime.getVariable(pi.getId(), "escalationAt")).isEqualTo(due);
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        assertThat(task(pi).getDueDate()).isEqualTo(due);
    }

    @Test
    void theAnalystsTasklistFilterListsTheEarliestDueFirst() {
        ProcessInstance standard = submit(Orders.valid(nextReference()));
        ProcessInstance emergency = submit(Orders.emergency(Orders.valid(nextReference())));
        var filter = engine.getFilterService().createFilterQuery()
                .filterName(com.disclosuredesk.engine.IdentityBootstrapPlugin.FILTER_ANALYSIS).singleResult();
        identity.setAuthentication("analyst", List.of("legal-analysts"));
        List<org.camunda.bpm.engine.task.Task> listed = engine.getFilterService().list(filter.getId());
        identity.clearAuthentication();
        List<String> instances = listed.stream().map(org.camunda.bpm.engine.task.Task::getProcessInstanceId)
                .filter(id -> id.equals(standard.getId()) || id.equals(emergency.getId())).toList();
        assertThat(instances).containsExactly(emergency.getId(), standard.getId());
        assertThat(listed).isSortedAccordingTo(java.util.Comparator.comparing(org.camunda.bpm.engine.task.Task::getDueDate,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    }

    @Test
    void thePolicyTableIsEvaluatedOnTheStoredOrderAndCockpitLinksTheEvaluationToTheOrder() {
        String trackingNumber = intake.submit(Orders.withOffence(Orders.valid(nextReference()), Offence.DEFAMATION), "police-de")
                .trackingNumber();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult();
        // whoever could write variables before the check cannot change the facts the policy decides on
        runtime.setVariable(pi.getId(), "offence", "DRUG_TRAFFICKING");
        runtime.setVariable(pi.getId(), "issuerType", "OTHER");
        execute(job(pi));

        assertThat(pi).hasPassed("Task_CheckValidity").isWaitingAt("Task_LogTransparency");
        assertThat(pi).variables().containsEntry("validityOutcome", "INVALID");
        var evaluation = history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                .decisionDefinitionKey(LegalOrderProcess.DECISION_VALIDITY).includeInputs().includeOutputs().singleResult();
        assertThat(evaluation.getActivityId()).isEqualTo("Task_CheckValidity");
        assertThat(evaluation.getInputs()).extracting(i -> i.getClauseName() + "=" + i.getValue())
                .contains("Offence=DEFAMATION", "Issuer=COURT");
        assertThat(evaluation.getOutputs()).extracting(o -> String.valueOf(o.getValue())).anyMatch(v -> v.contains("DEFAMATION"));
        // the facts are the task's own inputs: never a variable of the order, never in history
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("validityPolicyFacts").count()).isZero();
        // and so are the inputs: the decision's history keeps them, no variable of the task's scope is written
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn("outOfPolicyCategories", "emergencyFactsGiven", "documentDigestGiven").count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("issuerType").count()).isLessThanOrEqualTo(1);
        assertThat(timeline.of(trackingNumber)).anySatisfy(e -> {
            assertThat(e.step()).isEqualTo(TimelineStep.VALIDITY_CHECKED);
            assertThat(e.detail()).startsWith("INVALID").contains("DEFAMATION");
        });
    }
}
