package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * An order entered through the Tasklist start form or the engine REST API breaks the input rules.
 * The message names every offending field and never echoes a value. A Camunda {@link BadUserRequestException} for the
 * engine (the start form answers 400 with the message), and an {@link ErrorResponse} for the API ({@code invalid-order}).
 */
public class OrderInputException extends BadUserRequestException implements ErrorResponse {

    private final List<FieldProblem> problems;
    private final ProblemDetail body;

    public OrderInputException(List<FieldProblem> problems) {
        super("The order cannot be registered: " + problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
        this.body = ProblemType.INVALID_ORDER.problem(ApiProblemException.fieldsDetail("Fields with problems: ", problems), problems);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(body.getStatus());
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
