package com.disclosuredesk.order;

public class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(String trackingNumber) {
        super("No legal order " + trackingNumber);
    }
}
