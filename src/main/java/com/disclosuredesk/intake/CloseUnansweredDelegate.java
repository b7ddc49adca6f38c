package com.disclosuredesk.intake;

import java.util.List;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CloseUnanswered: no clarification arrived in time; the order is closed as invalid. */
@Component
public class CloseUnansweredDelegate implements JavaDelegate {

    static final String REASON = "No clarification was received in time; the order is closed as invalid.";

    private final OrderRepository orders;

    public CloseUnansweredDelegate(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        variables.setValidity("INVALID", List.of(REASON));
        orders.addEvent(variables.trackingNumber(), "CLARIFICATION_OVERDUE", null, REASON);
    }
}
