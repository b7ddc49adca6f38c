package com.disclosuredesk.validity;

import com.disclosuredesk.order.OrderRepository;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * The inputs of the business rule task {@code Task_CheckValidity} (decision {@code order-validity}), read from the
 * stored order ({@code dd_legal_order}), never from process variables: whoever may work on a task can write any
 * variable. The BPMN maps each input with {@code ${validityFacts.<name>(execution)}}; the order is read once per
 * evaluation and kept in a transient variable of the task's own scope (never stored, never in history). The inputs
 * are transient too: the decision's history keeps them ({@code ACT_HI_DEC_IN}, shown in Cockpit), so writing them as
 * variables of the task's scope as well would only add rows (eight variables with their history per order).
 */
@Component("validityFacts")
public class ValidityFacts {

    static final String FACTS = "validityPolicyFacts";

    private final OrderRepository orders;

    public ValidityFacts(OrderRepository orders) {
        this.orders = orders;
    }

    public StringValue issuerType(DelegateExecution execution) {
        return Variables.stringValue(of(execution).issuerType(), true);
    }

    public StringValue orderType(DelegateExecution execution) {
        return Variables.stringValue(of(execution).orderType(), true);
    }

    public StringValue offence(DelegateExecution execution) {
        return Variables.stringValue(of(execution).offence(), true);
    }

    public BooleanValue suspectConfirmed(DelegateExecution execution) {
        return Variables.booleanValue(of(execution).suspectConfirmed(), true);
    }

    public BooleanValue emergency(DelegateExecution execution) {
        return Variables.booleanValue(of(execution).emergency(), true);
    }

    public BooleanValue emergencyFactsGiven(DelegateExecution execution) {
        return Variables.booleanValue(of(execution).emergencyFactsGiven(), true);
    }

    public BooleanValue documentDigestGiven(DelegateExecution execution) {
        return Variables.booleanValue(of(execution).documentDigestGiven(), true);
    }

    public StringValue outOfPolicyCategories(DelegateExecution execution) {
        return Variables.stringValue(of(execution).outOfPolicyCategories(), true);
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
