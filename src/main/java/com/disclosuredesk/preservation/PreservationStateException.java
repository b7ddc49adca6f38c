package com.disclosuredesk.preservation;

/**
 * The preservation hold of an order does not allow the request: none is active yet, it was already extended
 * once, it ended, or its snapshot was deleted. The API answers 409. The message names the order and the state,
 * never data.
 */
public class PreservationStateException extends RuntimeException {

    private final String trackingNumber;

    public PreservationStateException(String trackingNumber, String message) {
        super(message);
        this.trackingNumber = trackingNumber;
    }

    public String trackingNumber() {
        return trackingNumber;
    }
}
