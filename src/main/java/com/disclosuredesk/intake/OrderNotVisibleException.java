package com.disclosuredesk.intake;

/** The order does not exist, or the caller may not see it: both answer 404. */
public class OrderNotVisibleException extends RuntimeException {
    public OrderNotVisibleException(String trackingNumber) {
        super("No order " + trackingNumber + " is visible to you.");
    }
}
