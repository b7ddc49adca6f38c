package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import java.util.List;
import com.disclosuredesk.intake.OrderStateConflictException;
import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.Orders;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The whole way to the ledger and the user notification (SubProcess_UserNotification), and withdrawals. */
class LegalOrderNotificationLoggingTest extends LegalOrderProcessTestSupport {

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
}
