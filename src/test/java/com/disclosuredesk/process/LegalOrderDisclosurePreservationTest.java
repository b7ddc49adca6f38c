package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import java.time.Duration;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.support.Orders;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Disclosure (from the records, never from variables) and preservation orders (SubProcess_PreservationHold). */
class LegalOrderDisclosurePreservationTest extends LegalOrderProcessTestSupport {

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
}
