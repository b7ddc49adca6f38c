package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

import java.util.List;

/** The same authority and reference were submitted before with a different body. */
public class DuplicateOrderConflictException extends ApiProblemException {

    private final String trackingNumber;
    private final List<String> differingFields;

    public DuplicateOrderConflictException(String trackingNumber, List<String> differingFields) {
        super(ProblemType.DUPLICATE_REFERENCE, "This authority already submitted an order with this reference (" + trackingNumber
                        + ") and its content differs in " + String.join(", ", differingFields)
                        + ". Use a new reference for a new order.",
                differingFields.stream().map(f -> new FieldProblem(f, "differs from order " + trackingNumber)).toList(),
                "An order with this authority and reference exists with different content: " + trackingNumber
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
