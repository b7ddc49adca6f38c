package com.disclosuredesk.intake;

import com.disclosuredesk.web.FieldProblem;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An order entered through the Tasklist start form or the engine REST API breaks the input rules.
 * The message names every offending field and never echoes a value.
 */
public class OrderInputException extends BadUserRequestException {

    private final List<FieldProblem> problems;

    public OrderInputException(List<FieldProblem> problems) {
        super("The order cannot be registered: " + problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
