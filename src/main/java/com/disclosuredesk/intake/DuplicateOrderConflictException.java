package com.disclosuredesk.intake;

/** The same authority and reference were submitted before with a different body. */
public class DuplicateOrderConflictException extends RuntimeException {

    private final String trackingNumber;

    public DuplicateOrderConflictException(String trackingNumber) {
        super("An order with this authority and reference exists with different content: " + trackingNumber);
        this.trackingNumber = trackingNumber;
    }

    public String trackingNumber() {
        return trackingNumber;
    }
}
