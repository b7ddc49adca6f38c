package com.disclosuredesk.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An operation of the engine's API that the process forbids to people (restarting a legal order, correlating its
 * messages, starting it at another activity). Both engine REST APIs answer it with 400 and this message.
 */
public class EngineOperationRefusedException extends BadUserRequestException {

    public EngineOperationRefusedException(String message) {
        super(message);
    }
}
