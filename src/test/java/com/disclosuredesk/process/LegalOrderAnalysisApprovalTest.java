package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import java.util.List;
import java.util.Map;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.Orders;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Legal analysis and approval (SubProcess_LegalAnalysis, SubProcess_Approval): decisions, four eyes, escalations, emergencies approved alone. */
class LegalOrderAnalysisApprovalTest extends LegalOrderProcessTestSupport {

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
        endNonDisclosure(pi);
        assertThat(pi).isEnded().hasPassed("Event_OrderDisclosed");
        assertThat(pi).variables().containsEntry("analysedBy", "analyst2").containsEntry("approvedBy", "approver");

        // history: every value of a decision is kept; lookups for a form keep only their value; copies of the
        // order's record keep no history at all (the order's own record has them); the clocks keep every value
        List<HistoricVariableUpdate> details = history.createHistoricDetailQuery().processInstanceId(pi.getId())
                .variableUpdates().list().stream().map(HistoricVariableUpdate.class::cast).toList();
        assertThat(details).filteredOn(d -> d.getVariableName().equals("analysedBy"))
                .extracting(HistoricVariableUpdate::getValue).containsExactly("analyst", "analyst2");
        assertThat(details).extracting(HistoricVariableUpdate::getVariableName).contains("answerDueAt", "escalationAt",
                "analysisDecision", "approvalDecision", "orderOutcome");
        for (String lookup : List.of("relatedOrders", "taskPriority")) {
            assertThat(details).noneMatch(d -> d.getVariableName().equals(lookup));
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(lookup).count())
                    .as("historic value of %s", lookup).isOne();
        }
        for (String copy : List.of("trackingNumber", "orderReference", "authorityName", "targetsSummary", "orderType")) {
            assertThat(details).noneMatch(d -> d.getVariableName().equals(copy));
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(copy).count())
                    .as("history of %s", copy).isZero();
        }
        assertThat(orders.get(pi.getBusinessKey()).reference()).isNotBlank();
        // the job log: each asynchronous step's successful execution, not the bookkeeping of its creation
        assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).successLog().list())
                .extracting(l -> l.getActivityId()).contains("Task_RegisterOrder", "Task_DiscloseData", "Task_LogTransparency");
        assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).creationLog().list())
                .extracting(l -> l.getJobDefinitionType()).isNotEmpty().allMatch(type -> type.startsWith("timer"));
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
}
