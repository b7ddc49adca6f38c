package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.intake.Clarification;
import com.disclosuredesk.intake.OrderIntakeService;
import com.disclosuredesk.intake.OrderLifecycleService;
import com.disclosuredesk.intake.OrderStateConflictException;
import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.Orders;
import com.disclosuredesk.transparency.TransparencyLedger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives the real legal-order BPMN through every path with camunda-bpm-assert. The job executor is off:
 * the tests execute each asynchronous step themselves. Coverage of the process must be 100%
 * (report under target/process-test-coverage/).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, LegalOrderProcessTest.Coverage.class})
class LegalOrderProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @Autowired ProcessEngine engine;
    @Autowired OrderIntakeService intake;
    @Autowired OrderLifecycleService lifecycle;
    @Autowired OrderRepository orders;
    @Autowired TransparencyLedger ledger;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;

    private static int references;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void validOrderIsAnalysedApprovedDisclosedAndLogged() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        assertThat(task()).hasCandidateGroup("legal-analysts").hasDueDate(
                (java.util.Date) runtime.getVariable(pi.getId(), "answerDueAt"));
        String trackingNumber = pi.getBusinessKey();
        assertThat(trackingNumber).matches("LO-\\d{4}-\\d{6}");
        assertThat(orders.status(trackingNumber).orElseThrow().status()).isEqualTo(OrderStatus.IN_LEGAL_ANALYSIS);

        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");
        assertThat(pi).isWaitingAt("Task_Approval");
        assertThat(task()).hasCandidateGroup("legal-approvers");
        assertThat(orders.status(trackingNumber).orElseThrow().status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);

        approve(pi, "approver", "APPROVE", null);
        assertThat(pi).isWaitingAt("Task_DiscloseData");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_LogTransparency");
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed("Task_DiscloseData", "Task_LogTransparency").hasPassedInOrder(
                "Task_RegisterOrder", "Task_CheckValidity", "Task_LegalAnalysis", "Task_Approval", "Task_DiscloseData",
                "Task_LogTransparency", "Event_OrderDisclosed");
        assertThat(pi).variables()
                .containsEntry("disclosureOutcome", "FULFILLED")
                .containsEntry("usersAffected", 2)
                .containsEntry("orderOutcome", "FULFILLED")
                .containsKeys("disclosureId", "disclosureSha256", "ledgerSequence");
        assertThat(orders.status(trackingNumber).orElseThrow().status()).isEqualTo(OrderStatus.DISCLOSED);
        var entry = ledger.find(trackingNumber).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(OrderOutcome.FULFILLED);
        assertThat(entry.usersAffected()).isEqualTo(2);
        assertThat(entry.targetsSpecified()).isEqualTo(2);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void orderWhoseTargetsHoldNoDataEndsDisclosedAsNoData() {
        ProcessInstance pi = submit(Orders.valid(nextReference(),
                List.of(new OrderSubmission.TargetSpec(TargetType.USERNAME, "@nobody_here"))));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "APPROVE", null);
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed");
        assertThat(pi).variables().containsEntry("orderOutcome", "NO_DATA").containsEntry("usersAffected", 0);
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
    void analysisRejectsTheOrder() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "REJECT", null);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderRejected").hasNotPassed("Task_Approval");
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.REJECTED);
    }

    @Test
    void approvalReturnsToAnalysisWithACommentThenApproves() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");
        approve(pi, "approver", "RETURN", "Limit the disclosure to IP addresses; the phone number is not needed.");
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        assertThat(pi).variables().containsEntry("approvalComment",
                "Limit the disclosure to IP addresses; the phone number is not needed.");

        analyse(pi, "analyst2", "DISCLOSE", "[\"IP_ADDRESS\"]");
        assertThat(pi).isWaitingAt("Task_Approval");
        assertThat(pi).variables().doesNotContainKeys("approvalDecision", "approvalComment");
        approve(pi, "approver", "APPROVE", null);
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed");
        assertThat(pi).variables().containsEntry("analysedBy", "analyst2").containsEntry("approvedBy", "approver");
    }

    @Test
    void approvalRejectsTheOrder() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "REJECT", "The order does not establish a link between the account and the offence.");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderRejected").hasNotPassed("Task_DiscloseData");
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.REJECTED);
    }

    @Test
    void fourEyesRefusesTheAnalystAsApproverEvenInBothGroups() {
        ensureUserInBothGroups("counsel");
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "counsel", "DISCLOSE", "[\"IP_ADDRESS\"]");
        String approvalTask = task().getId();

        identity.setAuthentication("counsel", List.of("legal-analysts", "legal-approvers"));
        assertThatThrownBy(() -> tasks.claim(approvalTask, "counsel"))
                .hasMessageContaining("Four-eyes rule").hasMessageContaining("counsel");
        assertThatThrownBy(() -> tasks.complete(approvalTask, Map.of("approvalDecision", "APPROVE")))
                .hasMessageContaining("Four-eyes rule");
        identity.clearAuthentication();
        assertThat(pi).isWaitingAt("Task_Approval");
        assertThat(task()).isNotAssigned();

        approve(pi, "approver", "APPROVE", null);
        assertThat(pi).isWaitingAt("Task_DiscloseData");
    }

    @Test
    void analysisWithoutReasoningOrWithCategoriesOutsideTheOrderIsRefused() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        String taskId = task().getId();
        identity.setAuthentication("analyst", List.of("legal-analysts"));
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("analysisDecision", "DISCLOSE",
                "approvedCategories", "[\"IP_ADDRESS\"]")))
                .hasMessageContaining("legalReasoning");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("analysisDecision", "DISCLOSE",
                "approvedCategories", "[\"MESSAGE_CONTENT\"]", "legalReasoning", reasoning())))
                .hasMessageContaining("approvedCategories").hasMessageContaining("MESSAGE_CONTENT");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("analysisDecision", "DISCLOSE",
                "approvedCategories", "[]", "legalReasoning", reasoning())))
                .hasMessageContaining("approvedCategories");
        identity.clearAuthentication(); // the analyst may not query process instances: assert as the engine
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        assertThat(runtime.getVariable(pi.getId(), "analysisDecision")).isNull();
    }

    @Test
    void approvalReturnWithoutCommentIsRefused() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        String taskId = task().getId();
        identity.setAuthentication("approver", List.of("legal-approvers"));
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("approvalDecision", "RETURN")))
                .hasMessageContaining("approvalComment");
        identity.clearAuthentication();
        assertThat(pi).isWaitingAt("Task_Approval");
    }

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
    void incompleteOrderAsksForClarificationAndIsCheckedAgainWithTheCorrection() {
        ProcessInstance pi = submit(Orders.withoutDigest(Orders.valid(nextReference())));
        assertThat(pi).isWaitingAt("Gateway_AwaitClarification");
        String trackingNumber = pi.getBusinessKey();
        var status = orders.status(trackingNumber).orElseThrow();
        assertThat(status.status()).isEqualTo(OrderStatus.NEEDS_CLARIFICATION);
        assertThat(status.reason()).contains("SHA-256").contains("14 days");
        assertThat(orders.messages(trackingNumber)).extracting(m -> m.kind()).contains("RECEIVED", "NEEDS_CLARIFICATION");

        lifecycle.clarify(trackingNumber, "police-de", new Clarification("The signed order's digest.",
                new Clarification.Corrections(null, null, null, null, null, null, null, null, null, null, null, null,
                        Orders.DOCUMENT_SHA256)));

        assertThat(pi).hasPassed("Event_ClarificationReceived").isWaitingAt("Task_LegalAnalysis");
        assertThat(orders.get(trackingNumber).documentSha256()).isEqualTo(Orders.DOCUMENT_SHA256);
        assertThat(orders.notes(trackingNumber)).singleElement()
                .satisfies(n -> assertThat(n.correctedFields()).isEqualTo("documentSha256"));
        assertThat(pi).variables().containsEntry("validityOutcome", "VALID");
    }

    @Test
    void clarificationThatNeverComesClosesTheOrderAsInvalid() {
        ProcessInstance pi = submit(Orders.withoutDigest(Orders.valid(nextReference())));
        assertThat(pi).isWaitingAt("Gateway_AwaitClarification");
        assertThat(job(pi)).isNotNull();
        execute(job(pi));
        assertThat(pi).hasPassed("Task_CloseUnanswered").isWaitingAt("Task_LogTransparency");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderInvalid");
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().reason()).contains("No clarification was received");
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.INVALID);
    }

    @Test
    void analystAsksForInformationThenAnalysesAgain() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        identity.setAuthentication("analyst", List.of("legal-analysts"));
        tasks.complete(task(pi).getId(), Map.of("analysisDecision", "NEED_INFO", "legalReasoning", reasoning(),
                "informationRequested", "Which case file number does the order belong to?"));
        identity.clearAuthentication();
        assertThat(pi).isWaitingAt("Gateway_AwaitClarification");
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().reason()).contains("case file number");

        lifecycle.clarify(pi.getBusinessKey(), "police-de", new Clarification("Case file 123 Js 456/26.", null));
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        analyse(pi, "analyst", "REJECT", null);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Task_RequestClarification", "Event_ClarificationReceived", "Event_OrderRejected");
    }

    @Test
    void clarificationNobodyAskedForIsAConflict() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        assertThatThrownBy(() -> lifecycle.clarify(pi.getBusinessKey(), "police-de", new Clarification("Unasked.", null)))
                .isInstanceOf(OrderStateConflictException.class).hasMessageContaining("not waiting for a clarification");
        assertThat(orders.notes(pi.getBusinessKey())).isEmpty();
    }

    @Test
    void withdrawalDuringAnalysisEndsTheOrderAndRemovesItsTasks() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        lifecycle.withdraw(pi.getBusinessKey(), "police-de", "The suspect was arrested.");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(OrderStatus.WITHDRAWN);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderWithdrawn", "Task_RecordWithdrawal", "Task_LogWithdrawal",
                "Event_WithdrawalLogged").hasNotPassed("Task_DiscloseData");
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.WITHDRAWN);
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(OrderStatus.WITHDRAWN);
    }

    @Test
    void withdrawalWhileWaitingForClarificationEndsTheOrder() {
        ProcessInstance pi = submit(Orders.withoutDigest(Orders.valid(nextReference())));
        lifecycle.withdraw(pi.getBusinessKey(), "police-de", null);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_WithdrawalLogged");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void withdrawalAfterDisclosureIsRefusedAndTheOrderEndsDisclosed() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "APPROVE", null);
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_LogTransparency");
        assertThatThrownBy(() -> lifecycle.withdraw(pi.getBusinessKey(), "police-de", null))
                .isInstanceOf(OrderStateConflictException.class).hasMessageContaining("can no longer be withdrawn");
        // even a withdrawal that slipped past the status check is refused by the process itself
        assertThatThrownBy(() -> runtime.createMessageCorrelation("OrderWithdrawn")
                .processInstanceBusinessKey(pi.getBusinessKey()).correlate())
                .hasMessageContaining("already disclosed");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed").hasNotPassed("Task_RecordWithdrawal");
        assertThatThrownBy(() -> lifecycle.withdraw(pi.getBusinessKey(), "police-de", null))
                .isInstanceOf(OrderStateConflictException.class);
    }

    // --- helpers -------------------------------------------------------------------------------

    private ProcessInstance submit(OrderSubmission submission) {
        String trackingNumber = intake.submit(submission, "police-de").trackingNumber();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult();
        assertThat(job(pi)).isNotNull();
        assertThat(pi).hasPassed("Task_RegisterOrder").hasNotPassed("Task_CheckValidity");
        execute(job(pi));
        return pi;
    }

    private void analyse(ProcessInstance pi, String analyst, String decision, String categories) {
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        identity.setAuthentication(analyst, List.of("legal-analysts", "legal-approvers"));
        tasks.claim(task(pi).getId(), analyst);
        Map<String, Object> variables = new HashMap<>();
        variables.put("analysisDecision", decision);
        variables.put("legalReasoning", reasoning());
        if (categories != null) {
            variables.put("approvedCategories", categories);
        }
        tasks.complete(task(pi).getId(), variables);
        identity.clearAuthentication();
    }

    private void approve(ProcessInstance pi, String approver, String decision, String comment) {
        assertThat(pi).isWaitingAt("Task_Approval");
        identity.setAuthentication(approver, List.of("legal-approvers"));
        tasks.claim(task(pi).getId(), approver);
        Map<String, Object> variables = new HashMap<>();
        variables.put("approvalDecision", decision);
        variables.put("approvalComment", comment);
        tasks.complete(task(pi).getId(), variables);
        identity.clearAuthentication();
    }

    private static String reasoning() {
        return "Court order of a competent court; suspect named; offence violates the Terms of Service.";
    }

    private static synchronized String nextReference() {
        return "PT-" + System.nanoTime() + "-" + (++references);
    }

    private void ensureUserInBothGroups(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(id + "-secret");
            identity.saveUser(user);
            identity.createMembership(id, "legal-analysts");
            identity.createMembership(id, "legal-approvers");
        }
    }

    static Map<String, Object> startForm(String reference) {
        Map<String, Object> form = new HashMap<>();
        form.put("orderReference", reference);
        form.put("orderType", "COURT_ORDER");
        form.put("authorityName", "Tribunal judiciaire de Paris");
        form.put("authorityCountry", "fr");
        form.put("authorityContactEmail", "cyber@tj-paris.example");
        form.put("issuerType", "INVESTIGATING_JUDGE");
        form.put("issuerName", "Juge d'instruction, pôle cyber");
        form.put("issuedOn", java.time.LocalDate.now().minusDays(1).toString());
        form.put("validUntil", java.time.LocalDate.now().plusDays(60).toString());
        form.put("offence", "CYBERCRIME");
        form.put("suspectConfirmed", true);
        form.put("emergency", false);
        form.put("targetList", "@demo0003\n+49 151 1234-5678\n");
        form.put("dataCategories", "[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");
        form.put("periodFrom", java.time.LocalDate.now().minusDays(30).toString());
        form.put("periodTo", java.time.LocalDate.now().toString());
        form.put("documentSha256", Orders.DOCUMENT_SHA256);
        return form;
    }
}
