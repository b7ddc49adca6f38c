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
import com.disclosuredesk.intake.Clarification;
import com.disclosuredesk.intake.OrderStateConflictException;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.support.Orders;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Requester verification (SubProcess_RequesterVerification) and clarification (SubProcess_Clarification). */
class LegalOrderVerificationClarificationTest extends LegalOrderProcessTestSupport {

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
}
