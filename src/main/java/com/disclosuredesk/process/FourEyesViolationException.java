package com.disclosuredesk.process;

import org.camunda.bpm.engine.BadUserRequestException;

/** Refuses an approval by the user who did the legal analysis. */
public class FourEyesViolationException extends BadUserRequestException {
    public FourEyesViolationException(String message) {
        super(message);
    }
}
