package com.disclosuredesk.validity;

import com.disclosuredesk.order.OrderRepository;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The inputs of the business rule task {@code Task_CheckValidity} (decision {@code order-validity}), read from the
 * stored order ({@code dd_legal_order}), never from process variables: whoever may work on a task can write any
 * variable. The BPMN maps each input with {@code ${validityFacts.<name>(execution)}}; the order is read once per
 * evaluation and kept in a transient variable of the task's own scope (never stored, never in history).
 */
@Component("validityFacts")
public class ValidityFacts {

    static final String FACTS = "validityPolicyFacts";

    private final OrderRepository orders;

    public ValidityFacts(OrderRepository orders) {
        this.orders = orders;
    }

    public String issuerType(DelegateExecution execution) {
        return of(execution).issuerType();
    }

    public String orderType(DelegateExecution execution) {
        return of(execution).orderType();
    }

    public String offence(DelegateExecution execution) {
        return of(execution).offence();
    }

    public boolean suspectConfirmed(DelegateExecution execution) {
        return of(execution).suspectConfirmed();
    }

    public boolean emergency(DelegateExecution execution) {
        return of(execution).emergency();
    }

    public boolean emergencyFactsGiven(DelegateExecution execution) {
        return of(execution).emergencyFactsGiven();
    }

    public boolean documentDigestGiven(DelegateExecution execution) {
        return of(execution).documentDigestGiven();
    }

    public String outOfPolicyCategories(DelegateExecution execution) {
        return of(execution).outOfPolicyCategories();
    }

    /** The facts of the order this instance carries: its business key is the tracking number, which no API can change. */
    PolicyFacts of(DelegateExecution execution) {
        if (execution.getVariableLocal(FACTS) instanceof PolicyFacts facts) {
            return facts;
        }
        PolicyFacts facts = ValidityService.factsOf(orders.get(execution.getProcessBusinessKey()));
        execution.setVariableLocal(FACTS, Variables.objectValue(facts, true).create());
        return facts;
    }
}
