package com.disclosuredesk.intake;

import java.util.List;

/** The same authority and reference were submitted before with a different body. */
public class DuplicateOrderConflictException extends RuntimeException {

    private final String trackingNumber;
    private final List<String> differingFields;

    public DuplicateOrderConflictException(String trackingNumber, List<String> differingFields) {
        super("An order with this authority and reference exists with different content: " + trackingNumber
                + " (differs in " + differingFields + ")");
        this.trackingNumber = trackingNumber;
        this.differingFields = List.copyOf(differingFields);
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    /** The payload fields whose values differ from the stored order. */
    public List<String> differingFields() {
        return differingFields;
    }
}
