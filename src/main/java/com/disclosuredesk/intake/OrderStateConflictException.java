package com.disclosuredesk.intake;

import com.disclosuredesk.order.OrderStatus;

/** The request does not fit the order's current state (a clarification nobody asked for, a late withdrawal). */
public class OrderStateConflictException extends RuntimeException {

    private final OrderStatus status;

    public OrderStateConflictException(OrderStatus status, String message) {
        super(message);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
