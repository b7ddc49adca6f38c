package com.disclosuredesk.preservation;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/**
 * The preservation hold of an order does not allow the request: none is active yet, it was already extended
 * once, it ended, or its snapshot was deleted. The API answers 409. The message names the order and the state,
 * never data.
 */
public class PreservationStateException extends ApiProblemException {

    private final String trackingNumber;

    public PreservationStateException(String trackingNumber, String message) {
        super(ProblemType.PRESERVATION_STATE, message);
        this.trackingNumber = trackingNumber;
    }

    public String trackingNumber() {
        return trackingNumber;
    }
}
