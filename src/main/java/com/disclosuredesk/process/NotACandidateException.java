package com.disclosuredesk.process;

import org.camunda.bpm.engine.BadUserRequestException;

/** A task was completed by someone outside the groups it is for (an administrator, say): refused with 400. */
public class NotACandidateException extends BadUserRequestException {

    public NotACandidateException(String message) {
        super(message);
    }
}
