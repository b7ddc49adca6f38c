package com.disclosuredesk.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Refuses the completion of a task whose input breaks a rule of the process. The message names the
 * variable and the rule, never personal data; the engine REST API answers it with 400.
 */
public class InvalidTaskInputException extends BadUserRequestException {

    private final String variable;

    public InvalidTaskInputException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
