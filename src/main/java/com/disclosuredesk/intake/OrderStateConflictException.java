package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

import com.disclosuredesk.order.OrderStatus;

/** The request does not fit the order's current state (a clarification nobody asked for, a late withdrawal). */
public class OrderStateConflictException extends ApiProblemException {

    private final OrderStatus status;

    public OrderStateConflictException(OrderStatus status, String message) {
        super(ProblemType.ORDER_STATE, message);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
