package com.disclosuredesk.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json}, with an {@code errors} list that names each
 * offending field. Messages never echo submitted values (they may be personal data).
 */
@RestControllerAdvice(basePackages = "com.disclosuredesk")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://disclosuredesk.example/problems/";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(fieldName(error.getField()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> problems.add(new FieldProblem("(order)", e.getDefaultMessage())));
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problem(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid",
                "Fields with problems: " + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")),
                problems);
    }

    /** Bean Validation reports {@code isValueWellFormed} of a target as {@code targets[0].valueWellFormed}: name the field. */
    static String fieldName(String path) {
        return path.replace(".valueWellFormed", ".value")
                .replace(".countryAssigned", ".country")
                .replace(".bounded", "")
                .replace("validUntilAfterIssue", "validUntil")
                .replace("emergencyFactsGiven", "emergencyFacts");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(ex);
        if (tooLarge != null) {
            // a body without Content-Length (chunked) passed the limit while it was read
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONNECTION, "close").body(RequestBodyLimitFilter.problem(tooLarge.limit()));
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "unknown-field", "The order has an unknown field",
                    "Unknown field: " + field, List.of(new FieldProblem(field, "is not a field of an order")));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String expected = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "must be a valid " + (invalid.getTargetType() == null ? "value" : invalid.getTargetType().getSimpleName());
            return problem(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid",
                    "Field with a problem: " + field, List.of(new FieldProblem(field, expected)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid",
                    "Field with a problem: " + field, List.of(new FieldProblem(field, "has the wrong type or form")));
        }
        String detail = cause instanceof JsonProcessingException json && json.getLocation() != null
                ? "The body is not valid JSON (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")."
                : "The body is missing or is not valid JSON.";
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail, List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the order as application/json.", List.of());
    }

    @ExceptionHandler(OrderNotVisibleException.class)
    ResponseEntity<Object> notVisible(OrderNotVisibleException ex) {
        return problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", ex.getMessage(), List.of());
    }

    @ExceptionHandler(DuplicateOrderConflictException.class)
    ResponseEntity<Object> conflict(DuplicateOrderConflictException ex) {
        return problem(HttpStatus.CONFLICT, "duplicate-reference", "Reference already used",
                "This authority already submitted an order with this reference (" + ex.trackingNumber()
                        + ") and its content differs. Use a new reference for a new order.",
                List.of(new FieldProblem("reference", "already used for " + ex.trackingNumber() + " with different content")));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
