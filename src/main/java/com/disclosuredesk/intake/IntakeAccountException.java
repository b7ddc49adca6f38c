package com.disclosuredesk.intake;

/** The calling intake account may not submit for this authority. */
public class IntakeAccountException extends RuntimeException {

    private final String field;

    public IntakeAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
