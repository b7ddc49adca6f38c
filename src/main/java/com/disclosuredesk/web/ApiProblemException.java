package com.disclosuredesk.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * An error answer of the API: the exception carries its problem ({@link ProblemType}, detail, the offending fields),
 * and {@link ApiProblemHandler} writes it as {@code application/problem+json}. Subclasses name the situation
 * ({@code OrderNotVisibleException}, {@code PreservationStateException}, ...).
 * <p>
 * Spring's {@link ErrorResponse}, not its {@code ErrorResponseException}: the message stays the subclass's own
 * (logs, the engine and tests read it), and it may differ from the detail that the client reads.
 */
public class ApiProblemException extends RuntimeException implements ErrorResponse {

    private final ProblemDetail body;
    private final transient HttpHeaders headers = new HttpHeaders();

    /** A problem whose detail is the message. */
    public ApiProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), detail);
    }

    public ApiProblemException(ProblemType type, String detail, List<FieldProblem> errors, String message) {
        super(message);
        this.body = type.problem(detail, errors);
    }

    /** "Fields with problems: a, b" (each field once, in the given order), the detail of a list of field problems. */
    public static String fieldsDetail(String prefix, List<FieldProblem> problems) {
        return prefix + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(body.getStatus());
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }
}
