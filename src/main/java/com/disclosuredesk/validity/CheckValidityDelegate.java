package com.disclosuredesk.validity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CheckValidity: applies the disclosure policy to the stored order. */
@Component
public class CheckValidityDelegate implements JavaDelegate {

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final ValidityService validity;
    private final Clock clock;

    public CheckValidityDelegate(OrderRepository orders, OrderTimeline timeline, ValidityService validity, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.validity = validity;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String trackingNumber = variables.trackingNumber();
        LocalDate today = LocalDate.now(clock);
        LegalOrder order = orders.get(trackingNumber);
        ValidityResult result = validity.check(order, today);
        variables.setValidity(result.outcome().name(), result.reasons());
        // a clarification may have corrected the issuer, the emergency or the non-disclosure order
        variables.setVerificationRequired(ValidityService.requiresRequesterVerification(order));
        variables.setNonDisclosureUntil(order.nonDisclosureUntil() == null ? null : order.nonDisclosureUntil().toString());
        variables.setNonDisclosureEndsAt(LegalOrderVariables.nonDisclosureEndsAt(order.nonDisclosureUntil()));
        timeline.record(trackingNumber, TimelineStep.VALIDITY_CHECKED, null,
                result.outcome() + (result.reasons().isEmpty() ? "" : ": " + String.join(" ", result.reasons())));
    }
}
