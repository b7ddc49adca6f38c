package com.disclosuredesk.validity;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Service task Task_CheckValidity: applies the disclosure policy to the stored order. */
@Component
public class CheckValidityDelegate implements JavaDelegate {

    private final OrderRepository orders;
    private final ValidityService validity;

    public CheckValidityDelegate(OrderRepository orders, ValidityService validity) {
        this.orders = orders;
        this.validity = validity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String trackingNumber = variables.trackingNumber();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        LegalOrder order = orders.get(trackingNumber);
        ValidityResult result = validity.check(order, today);
        variables.setValidity(result.outcome().name(), result.reasons());
        // a clarification may have corrected the issuer, the emergency or the non-disclosure order
        variables.setVerificationRequired(ValidityService.requiresRequesterVerification(order));
        variables.setNonDisclosureUntil(order.nonDisclosureUntil() == null ? null : order.nonDisclosureUntil().toString());
        variables.setNonDisclosureEndsAt(LegalOrderVariables.nonDisclosureEndsAt(order.nonDisclosureUntil()));
        orders.addEvent(trackingNumber, "VALIDITY_CHECKED", null,
                result.outcome() + (result.reasons().isEmpty() ? "" : ": " + String.join(" ", result.reasons())));
    }
}
