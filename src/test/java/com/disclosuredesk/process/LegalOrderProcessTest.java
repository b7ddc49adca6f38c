package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.intake.Clarification;
import com.disclosuredesk.intake.OrderIntakeService;
import com.disclosuredesk.intake.OrderLifecycleService;
import com.disclosuredesk.intake.OrderStateConflictException;
import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.disclosure.DisclosureRepository;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.verification.AuthorityRegistry;
import com.disclosuredesk.order.AuthorityNotes;
import com.disclosuredesk.order.OrderOutbox;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.Orders;
import com.disclosuredesk.transparency.TransparencyLedger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
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
    @Autowired OrderTimeline timeline;
    @Autowired OrderOutbox outbox;
    @Autowired AuthorityNotes notes;
    @Autowired TransparencyLedger ledger;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired AuthorityRegistry registry;
    @Autowired PreservationService preservations;
    @Autowired DisclosureRepository disclosures;
    @Autowired com.disclosuredesk.order.OrderDecisions decisions;
    @Autowired com.disclosuredesk.security.DecisionRecordsBackfill backfill;
    @Autowired javax.sql.DataSource dataSource;

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

        // the order's non-disclosure order keeps the users uninformed until it ends
        assertThat(pi).isWaitingAt("Gateway_AwaitNonDisclosureEnd");
        assertThat(job("Event_NonDisclosureEnded", pi).getDuedate()).isEqualTo(
                java.util.Date.from(orders.get(trackingNumber).nonDisclosureUntil().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        assertThat(orders.status(trackingNumber).orElseThrow().status()).isEqualTo(OrderStatus.DISCLOSED);
        execute(job("Event_NonDisclosureEnded", pi));

        assertThat(pi).isEnded().hasPassed("Task_DiscloseData", "Task_LogTransparency").hasPassedInOrder(
                "Task_RegisterOrder", "Task_CheckValidity", "Task_LegalAnalysis", "Task_Approval", "Task_DiscloseData",
                "Task_LogTransparency", "Event_NonDisclosureEnded", "Task_RecordUserNotification", "Event_OrderDisclosed");
        assertThat(pi).variables().containsEntry("usersNotified", 2);
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
        endNonDisclosure(pi);
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed");
        assertThat(pi).variables().containsEntry("orderOutcome", "NO_DATA").containsEntry("usersAffected", 0)
                .containsEntry("usersNotified", 0);
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
    void anOrderInFlightBeforeDecisionsWereRecordedGetsItsRecordsAtStartAndIsDisclosedFromThem() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        String trackingNumber = pi.getBusinessKey();
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "APPROVE", null);
        assertThat(pi).isWaitingAt("Task_DiscloseData");
        // as an earlier version left it: the decisions only in variables and the engine's history
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM dd_order_decision WHERE tracking_number = ? AND based_on_id IS NOT NULL").param(trackingNumber).update();
        jdbc.sql("DELETE FROM dd_order_decision WHERE tracking_number = ?").param(trackingNumber).update();

        backfill.run(null);
        backfill.run(null); // once only

        assertThat(decisions.of(trackingNumber)).extracting(d -> d.step() + ":" + d.decision() + ":" + d.decidedBy() + ":" + d.categories())
                .containsExactly("ANALYSIS:DISCLOSE:analyst:[IP_ADDRESS]", "APPROVAL:APPROVE:approver:[IP_ADDRESS]");
        execute(job(pi));
        assertThat(disclosures.findByOrder(trackingNumber).orElseThrow().categories()).isEqualTo("IP_ADDRESS");
    }

    @Test
    void aDisclosureWithoutAnApprovalOnRecordFailsWhateverTheVariablesSay() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "APPROVE", null);
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("DELETE FROM dd_order_decision WHERE tracking_number = ? AND step = 'APPROVAL'").param(pi.getBusinessKey()).update();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(job(pi).getId()))
                .hasMessageContaining("No disclosure: no approval is on record");
        assertThat(disclosures.findByOrder(pi.getBusinessKey())).isEmpty();
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
        endNonDisclosure(pi);
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed");
        assertThat(pi).variables().containsEntry("analysedBy", "analyst2").containsEntry("approvedBy", "approver");

        // history: every value of a decision is kept, copies of the order's record keep only their value
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
                .filteredOn(d -> ((HistoricVariableUpdate) d).getVariableName().equals("analysedBy"))
                .extracting(d -> ((HistoricVariableUpdate) d).getValue())
                .containsExactly("analyst", "analyst2");
        for (String copy : List.of("orderReference", "authorityName", "targetsSummary", "relatedOrders", "taskPriority")) {
            assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
                    .noneMatch(d -> ((HistoricVariableUpdate) d).getVariableName().equals(copy));
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(copy).count())
                    .as("historic value of %s", copy).isOne();
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("orderReference")
                .singleResult().getValue()).isEqualTo(orders.get(pi.getBusinessKey()).reference());
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
        assertThat(outbox.of(trackingNumber)).extracting(m -> m.kind()).contains("RECEIVED", "NEEDS_CLARIFICATION");

        lifecycle.clarify(trackingNumber, "police-de", new Clarification("The signed order's digest.",
                new Clarification.Corrections(null, null, null, null, null, null, null, null, null, null, null, null,
                        Orders.DOCUMENT_SHA256)));

        assertThat(pi).hasPassed("Event_ClarificationReceived").isWaitingAt("Task_LegalAnalysis");
        assertThat(orders.get(trackingNumber).documentSha256()).isEqualTo(Orders.DOCUMENT_SHA256);
        assertThat(notes.of(trackingNumber)).singleElement()
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
        assertThat(notes.of(pi.getBusinessKey())).isEmpty();
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
        endNonDisclosure(pi);
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed").hasNotPassed("Task_RecordWithdrawal");
        assertThatThrownBy(() -> lifecycle.withdraw(pi.getBusinessKey(), "police-de", null))
                .isInstanceOf(OrderStateConflictException.class);
    }

    // --- issue 6: clocks, escalation, verification, emergencies, preservation, non-disclosure ----------

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
    void overdueAnalysisIsEscalatedAndTheApproversGetACopyWhoseCompletionEndsTheOriginal() {
        ensureUserInBothGroups("counsel");
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        String original = task(pi).getId();
        assertThat(job("Event_AnalysisOverdue", pi).getDuedate()).isEqualTo(task(pi).getDueDate());

        execute(job("Event_AnalysisOverdue", pi));

        assertThat(pi).hasPassed("Task_EscalateAnalysis").isWaitingAt("Task_LegalAnalysis", "Task_LegalAnalysisCopy");
        assertThat(tasks.createTaskQuery().taskId(original).singleResult().getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_ESCALATED);
        var copy = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_LegalAnalysisCopy").singleResult();
        assertThat(copy).hasCandidateGroup("legal-approvers");
        assertThat(copy.getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_ESCALATED);
        assertThat(copy.getDueDate()).isEqualTo(task("Task_LegalAnalysis", pi).getDueDate());
        assertThat(timeline.of(pi.getBusinessKey())).anySatisfy(e -> {
            assertThat(e.step()).isEqualTo(TimelineStep.ESCALATED);
            assertThat(e.detail()).contains("overdue").contains("copy went to the approvers");
        });

        complete(copy.getId(), "counsel", Map.of("analysisDecision", "DISCLOSE", "legalReasoning", reasoning(),
                "approvedCategories", "[\"IP_ADDRESS\"]"));

        assertThat(pi).hasPassed("Event_AnalysisCopyDone").isWaitingAt("Task_Approval");
        assertThat(tasks.createTaskQuery().taskId(original).count()).isZero();
        assertThat(pi).variables().containsEntry("analysedBy", "counsel");
        // the approver who did the analysis may not approve it
        String approval = task("Task_Approval", pi).getId();
        identity.setAuthentication("counsel", List.of("legal-analysts", "legal-approvers"));
        assertThatThrownBy(() -> tasks.claim(approval, "counsel")).hasMessageContaining("Four-eyes rule");
        identity.clearAuthentication();
        approve(pi, "approver", "REJECT", "The link between the account and the offence is not shown.");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_OrderRejected");
    }

    @Test
    void analysisCompletedAfterTheEscalationEndsTheApproversCopy() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        execute(job("Event_AnalysisOverdue", pi));
        assertThat(pi).isWaitingAt("Task_LegalAnalysis", "Task_LegalAnalysisCopy");
        complete(task("Task_LegalAnalysis", pi).getId(), "analyst", Map.of("analysisDecision", "DISCLOSE",
                "legalReasoning", reasoning(), "approvedCategories", "[\"IP_ADDRESS\"]"));
        assertThat(pi).hasPassed("Event_AnalysisDone").isWaitingAt("Task_Approval");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_LegalAnalysisCopy").count()).isZero();
    }

    @Test
    void overdueApprovalIsEscalatedWithACopyAndWhoeverDecidesFirstEndsTheOther() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        String original = task(pi).getId();
        execute(job("Event_ApprovalOverdue", pi));
        assertThat(pi).hasPassed("Task_EscalateApproval").isWaitingAt("Task_Approval", "Task_ApprovalCopy");
        assertThat(tasks.createTaskQuery().taskId(original).singleResult().getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_ESCALATED);
        var copy = task("Task_ApprovalCopy", pi);
        assertThat(copy).hasCandidateGroup("legal-approvers");
        // four eyes hold for the copy too
        identity.setAuthentication("analyst", List.of("legal-analysts", "legal-approvers"));
        assertThatThrownBy(() -> tasks.complete(copy.getId(), Map.of("approvalDecision", "APPROVE")))
                .hasMessageContaining("Four-eyes rule");
        identity.clearAuthentication();

        complete(copy.getId(), "approver", Map.of("approvalDecision", "APPROVE"));
        assertThat(pi).hasPassed("Event_ApprovalCopyDone").isWaitingAt("Task_DiscloseData");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void approvalCompletedAfterTheEscalationEndsTheCopy() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        execute(job("Event_ApprovalOverdue", pi));
        complete(task("Task_Approval", pi).getId(), "approver", Map.of("approvalDecision", "APPROVE"));
        assertThat(pi).hasPassed("Event_ApprovalDone").isWaitingAt("Task_DiscloseData");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void emergencyRequestOfThePoliceIsVerifiedFirstOnTheEightHourClockWithTheHighestPriority() {
        java.util.Date before = new java.util.Date();
        ProcessInstance pi = submit(Orders.emergency(Orders.valid(nextReference())));
        assertThat(pi).isWaitingAt("Task_VerifyRequester").hasPassed("Task_CheckRequester").hasNotPassed("Task_LegalAnalysis");
        var verification = task(pi);
        assertThat(verification).hasCandidateGroup("legal-analysts");
        assertThat(verification.getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_EMERGENCY);
        assertThat(verification.getDueDate()).isBetween(plus(before, Duration.ofHours(8).minusMinutes(1)),
                plus(new java.util.Date(), Duration.ofHours(8)));
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(OrderStatus.NEEDS_VERIFICATION);

        identity.setAuthentication("analyst", List.of("legal-analysts"));
        assertThatThrownBy(() -> tasks.complete(verification.getId(), Map.of("requesterVerified", "true")))
                .hasMessageContaining("verificationNote");
        identity.clearAuthentication();
        verify(pi, "analyst", true);

        assertThat(pi).hasPassed("Task_VerifyRequester").isWaitingAt("Task_LegalAnalysis");
        assertThat(task(pi).getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_EMERGENCY);
        assertThat(pi).variables().containsEntry("requesterVerified", true).containsEntry("verifiedBy", "analyst");
        // two hours before the deadline the emergency's clock is nearly out
        assertThat(job("Event_AnalysisOverdue", pi).getDuedate()).isEqualTo(
                plus((java.util.Date) runtime.getVariable(pi.getId(), "answerDueAt"), Duration.ofHours(-2)));
    }

    @Test
    void requesterWhoCannotBeVerifiedIsRefusedAndTheLedgerCountsIt() {
        ProcessInstance pi = submit(Orders.emergency(Orders.valid(nextReference())));
        verify(pi, "analyst", false);
        assertThat(pi).isWaitingAt("Task_LogTransparency");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_RequesterNotVerified").hasNotPassed("Task_LegalAnalysis");
        var status = orders.status(pi.getBusinessKey()).orElseThrow();
        assertThat(status.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(status.reason()).contains("could not verify");
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.UNVERIFIED);
    }

    @Test
    void registeredAuthorityWritingFromItsOfficialDomainIsRecognizedWithoutACallBack() {
        String name = "Procura della Repubblica " + nextReference();
        registry.register("DE", name, "procura.example", "+39 06 0000 (switchboard)", "admin");
        ProcessInstance pi = submit(Orders.fromAuthority(Orders.withType(Orders.valid(nextReference()),
                OrderType.EU_PRODUCTION_ORDER, IssuerType.PROSECUTOR), name, "cyber@procura.example"));
        assertThat(pi).hasPassed("Task_CheckRequester").hasNotPassed("Task_VerifyRequester").isWaitingAt("Task_LegalAnalysis");
        assertThat(pi).variables().containsEntry("requesterVerified", true).containsEntry("verifiedBy", "registry");
        assertThat((String) runtime.getVariable(pi.getId(), "verificationNote")).contains(name).contains("procura.example");
    }

    @Test
    void emergencyOfARegisteredAuthorityIsStillCalledBackAndAForeignDomainIsAWarning() {
        String name = "Polizeipraesidium " + nextReference();
        registry.register("DE", name, "polizei.example", "+49 30 4664-0 (duty officer)", "admin");
        ProcessInstance pi = submit(Orders.fromAuthority(Orders.emergency(Orders.valid(nextReference())), name, "duty@mail.example"));
        assertThat(pi).isWaitingAt("Task_VerifyRequester");
        assertThat((String) runtime.getVariable(pi.getId(), "knownAuthority")).contains(name).contains("polizei.example");
        assertThat(runtime.getVariable(pi.getId(), "knownContact")).isEqualTo("+49 30 4664-0 (duty officer)");
        assertThat((String) runtime.getVariable(pi.getId(), "authorityWarning")).contains("mail.example").contains("polizei.example");
    }

    @Test
    void analystRegistersTheAuthoritySheVerified() {
        String name = "Politie Eenheid " + nextReference();
        ProcessInstance pi = submit(Orders.fromAuthority(Orders.emergency(Orders.valid(nextReference())), name, "cyber@politie.example"));
        assertThat((String) runtime.getVariable(pi.getId(), "authorityWarning")).contains("Unknown authority");
        complete(task(pi).getId(), "analyst", Map.of("requesterVerified", "true", "verificationNote", verificationNote(),
                "registerAuthority", true, "registerContactDomain", "politie.example", "registerKnownContact", "+31 900 8844"));
        var known = registry.find("DE", name).orElseThrow();
        assertThat(known.contactDomain()).isEqualTo("politie.example");
        assertThat(known.verifiedBy()).isEqualTo("analyst");
    }

    @Test
    void emergencyWhoseClockIsNearlyOutIsApprovedByAnApproverAloneAndAnalysedAfterTheDisclosure() {
        ensureUserInBothGroups("counsel");
        ProcessInstance pi = submit(Orders.withNonDisclosureUntil(Orders.emergency(Orders.valid(nextReference())), null));
        verify(pi, "analyst", true);
        execute(job("Event_AnalysisOverdue", pi));
        assertThat(pi).hasPassed("Task_EscalateAnalysis").isWaitingAt("Task_LegalAnalysis", "Task_ApproveEmergencyAlone");
        var alone = task("Task_ApproveEmergencyAlone", pi);
        assertThat(alone).hasCandidateGroup("legal-approvers");
        assertThat(alone.getPriority()).isEqualTo(DeadlinePolicy.PRIORITY_EMERGENCY);
        identity.setAuthentication("counsel", List.of("legal-approvers"));
        assertThatThrownBy(() -> tasks.complete(alone.getId(), Map.of("emergencyApproval", "APPROVE",
                "approvedCategories", "[\"IP_ADDRESS\"]"))).hasMessageContaining("legalReasoning");
        identity.clearAuthentication();

        complete(alone.getId(), "counsel", Map.of("emergencyApproval", "APPROVE", "approvedCategories", "[\"IP_ADDRESS\"]",
                "approvalComment", "Danger to life: the threatened attack is planned for tomorrow morning."));

        assertThat(pi).hasPassed("Event_EmergencyApprovedAlone", "Event_ApprovedAloneCaught").isWaitingAt("Task_DiscloseData");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).variables().containsEntry("emergencyApprovedAlone", true).containsEntry("approvedBy", "counsel");
        execute(job(pi));
        execute(job(pi));
        assertThat(orders.status(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(OrderStatus.DISCLOSED);
        assertThat(ledger.find(pi.getBusinessKey()).orElseThrow().outcome()).isEqualTo(OrderOutcome.FULFILLED);

        assertThat(pi).isWaitingAt("Task_AnalysisAfterDisclosure");
        var review = task(pi);
        assertThat(review).hasCandidateGroup("legal-analysts");
        assertThat(pi).variables().containsEntry("flaggedForReview", true);
        identity.setAuthentication("counsel", List.of("legal-analysts", "legal-approvers"));
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("analysisDecision", "DISCLOSE",
                "legalReasoning", reasoning()))).hasMessageContaining("Four-eyes rule");
        identity.clearAuthentication();
        identity.setAuthentication("analyst", List.of("legal-analysts"));
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("analysisDecision", "NEED_INFO",
                "legalReasoning", reasoning()))).hasMessageContaining("already disclosed");
        identity.clearAuthentication();
        complete(review.getId(), "analyst", Map.of("analysisDecision", "REJECT", "legalReasoning",
                "The stated facts did not show a danger to life; a court order was needed."));

        assertThat(pi).isEnded().hasPassed("Task_RecordUserNotification", "Event_OrderDisclosed")
                .hasNotPassed("Task_Approval", "Gateway_AwaitNonDisclosureEnd");
        assertThat(pi).variables().containsEntry("reviewOutcome", "DISPUTED").containsEntry("analysedBy", "analyst");
        assertThat(timeline.of(pi.getBusinessKey())).extracting(e -> e.step())
                .contains(TimelineStep.APPROVED_ALONE, TimelineStep.FLAGGED_FOR_REVIEW, TimelineStep.ANALYSED_AFTER_DISCLOSURE);
    }

    @Test
    void approverMayLeaveTheEmergencyToTheAnalysis() {
        ProcessInstance pi = submit(Orders.emergency(Orders.valid(nextReference())));
        verify(pi, "analyst", true);
        execute(job("Event_AnalysisOverdue", pi));
        complete(task("Task_ApproveEmergencyAlone", pi).getId(), "approver", Map.of("emergencyApproval", "LEAVE_TO_ANALYSIS"));
        assertThat(pi).hasPassed("Event_LeftToAnalysis").isWaitingAt("Task_LegalAnalysis");
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        assertThat(pi).isWaitingAt("Task_Approval");
        assertThat(pi).variables().containsEntry("emergencyApprovedAlone", false);
    }

    @Test
    void preservationRequestFreezesTheDataIsExtendedOnceAndEndsCountedInTheLedger() {
        java.util.Date before = new java.util.Date();
        ProcessInstance pi = submit(Orders.withType(Orders.valid(nextReference()), OrderType.PRESERVATION_REQUEST, IssuerType.COURT));
        String trackingNumber = pi.getBusinessKey();
        assertThat(pi).hasPassed("Task_PreserveData").isWaitingAt("Gateway_PreservationHold").hasNotPassed("Task_LegalAnalysis");
        assertThat(orders.status(trackingNumber).orElseThrow().status()).isEqualTo(OrderStatus.PRESERVED);
        java.util.Date heldUntil = (java.util.Date) runtime.getVariable(pi.getId(), "preservationHeldUntil");
        assertThat(heldUntil).isBetween(plus(before, Duration.ofDays(90).minusMinutes(1)), plus(new java.util.Date(), Duration.ofDays(90)));
        assertThat(job("Event_PreservationExpired", pi).getDuedate()).isEqualTo(heldUntil);
        assertThat(preservations.find(trackingNumber).orElseThrow().deletedAt()).isNull();
        assertThat(disclosures.findByOrder(trackingNumber)).isEmpty();

        runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED).processInstanceBusinessKey(trackingNumber).correlate();
        assertThat(pi).hasPassed("Task_ExtendPreservation").isWaitingAt("Gateway_PreservationHold");
        assertThat(job("Event_PreservationExpired", pi).getDuedate()).isEqualTo(plus(heldUntil, Duration.ofDays(90)));
        assertThatThrownBy(() -> runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED)
                .processInstanceBusinessKey(trackingNumber).correlate());
        assertThat(job("Event_PreservationExpired", pi).getDuedate()).isEqualTo(plus(heldUntil, Duration.ofDays(90)));

        execute(job("Event_PreservationExpired", pi));
        assertThat(pi).hasPassed("Task_DeletePreservedData").isWaitingAt("Task_LogTransparency");
        assertThat(preservations.find(trackingNumber).orElseThrow().deletedAt()).isNotNull();
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_PreservationEnded");
        assertThat(ledger.find(trackingNumber).orElseThrow().outcome()).isEqualTo(OrderOutcome.PRESERVED);
        assertThat(orders.status(trackingNumber).orElseThrow().status()).isEqualTo(OrderStatus.PRESERVATION_ENDED);
    }

    @Test
    void euPreservationOrderOfAProsecutorIsVerifiedAndHeldSixtyDays() {
        java.util.Date before = new java.util.Date();
        ProcessInstance pi = submit(Orders.fromAuthority(Orders.withType(Orders.valid(nextReference()),
                OrderType.EU_PRESERVATION_ORDER, IssuerType.PROSECUTOR), "Parquet " + nextReference(), "cyber@parquet.example"));
        assertThat(pi).isWaitingAt("Task_VerifyRequester");
        verify(pi, "analyst", true);
        assertThat(pi).isWaitingAt("Gateway_PreservationHold");
        assertThat((java.util.Date) runtime.getVariable(pi.getId(), "preservationHeldUntil"))
                .isBetween(plus(before, Duration.ofDays(60).minusMinutes(1)), plus(new java.util.Date(), Duration.ofDays(60)));
    }

    @Test
    void withdrawnPreservationDeletesTheFrozenData() {
        ProcessInstance pi = submit(Orders.withType(Orders.valid(nextReference()), OrderType.PRESERVATION_REQUEST, IssuerType.COURT));
        lifecycle.withdraw(pi.getBusinessKey(), "police-de", "Case closed.");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_WithdrawalLogged");
        assertThat(preservations.find(pi.getBusinessKey()).orElseThrow().deletedAt()).isNotNull();
    }

    @Test
    void extendedNonDisclosureOrderPostponesTheUserNotification() {
        ProcessInstance pi = submit(Orders.valid(nextReference()));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "APPROVE", null);
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isWaitingAt("Gateway_AwaitNonDisclosureEnd");
        String later = java.time.LocalDate.now().plusYears(1).toString();
        runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_NON_DISCLOSURE_EXTENDED).processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("nonDisclosureUntil", later).correlate();
        assertThat(pi).hasPassed("Task_ExtendNonDisclosure").isWaitingAt("Gateway_AwaitNonDisclosureEnd");
        assertThat(job("Event_NonDisclosureEnded", pi).getDuedate()).isEqualTo(
                java.util.Date.from(java.time.LocalDate.parse(later).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        assertThat(pi).hasNotPassed("Task_RecordUserNotification");
        execute(job("Event_NonDisclosureEnded", pi));
        assertThat(pi).isEnded().hasPassed("Task_RecordUserNotification");
    }

    @Test
    void orderWithoutNonDisclosureOrderNotifiesTheUsersRightAfterTheDisclosure() {
        ProcessInstance pi = submit(Orders.withNonDisclosureUntil(Orders.valid(nextReference()), null));
        analyse(pi, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
        approve(pi, "approver", "APPROVE", null);
        execute(job(pi));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Task_RecordUserNotification").hasNotPassed("Gateway_AwaitNonDisclosureEnd");
        assertThat(pi).variables().containsEntry("usersNotified", 2);
    }

    @Test
    void analysisShowsOtherOpenOrdersOfTheAuthorityNamingTheSameTarget() {
        String authority = "Staatsanwaltschaft " + nextReference();
        ProcessInstance first = submit(Orders.fromAuthority(Orders.valid(nextReference()), authority, "a@sta.example"));
        ProcessInstance second = submit(Orders.fromAuthority(Orders.valid(nextReference(),
                List.of(new OrderSubmission.TargetSpec(TargetType.USERNAME, "@Demo0001"))), authority, "a@sta.example"));
        assertThat(second).isWaitingAt("Task_LegalAnalysis");
        assertThat(runtime.getVariable(second.getId(), "relatedOrderCount")).isEqualTo(1);
        String related = runtime.getVariableTyped(second.getId(), "relatedOrders").getValue().toString();
        assertThat(related).contains(first.getBusinessKey()).contains("/camunda/app/tasklist/").doesNotContain("demo0001");
        assertThat(runtime.getVariable(first.getId(), "relatedOrderCount")).isEqualTo(0);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void verify(ProcessInstance pi, String analyst, boolean verified) {
        assertThat(pi).isWaitingAt("Task_VerifyRequester");
        complete(task("Task_VerifyRequester", pi).getId(), analyst, Map.of("requesterVerified", String.valueOf(verified),
                "verificationNote", verificationNote()));
    }

    private static String verificationNote() {
        return "Called the duty officer through the switchboard number of the official directory; order confirmed.";
    }

    /** Completes a task as that user, in the groups a user of that name has. */
    private void complete(String taskId, String user, Map<String, Object> variables) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            tasks.claim(taskId, user);
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static java.util.Date plus(java.util.Date date, Duration duration) {
        return java.util.Date.from(date.toInstant().plus(duration));
    }

    private void endNonDisclosure(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Gateway_AwaitNonDisclosureEnd");
        execute(job("Event_NonDisclosureEnded", pi));
    }

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
