package com.disclosuredesk.web;

import java.net.URI;
import com.disclosuredesk.intake.DuplicateOrderConflictException;
import com.disclosuredesk.intake.OrderNotVisibleException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

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

    public static final String TYPE_BASE = "https://disclosuredesk.example/problems/";

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

    /**
     * Bean Validation names the checks written as {@code @AssertTrue} methods after the method
     * ({@code targets[0].valueWellFormed}, {@code period.chronological}); the API names the JSON field they check.
     */
    private static final Map<String, String> CHECK_TO_FIELD = Map.of(
            "valueWellFormed", "value",
            "countryAssigned", "country",
            "chronological", "",
            "atMostOneYear", "",
            "validUntilAfterIssue", "validUntil",
            "nonDisclosureAfterIssue", "nonDisclosureUntil",
            "emergencyFactsGiven", "emergencyFacts",
            "preservationReferenceForProduction", "preservationReference");

    public static String fieldName(String rawPath) {
        // an element of a set has no index: dataCategories[] is dataCategories
        String path = rawPath.replace("[]", "");
        int dot = path.lastIndexOf('.');
        String last = path.substring(dot + 1);
        String field = CHECK_TO_FIELD.get(last);
        if (field == null) {
            return path;
        }
        String parent = dot < 0 ? "" : path.substring(0, dot);
        return parent.isEmpty() ? field : field.isEmpty() ? parent : parent + "." + field;
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
        if (cause instanceof PropertyBindingException unknown) {
            // unknown fields, and the names of checks (valueWellFormed, ...) that are not fields either
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "unknown-field", "The order has an unknown field",
                    "Unknown field: " + field, List.of(new FieldProblem(field, "is not a field of an order")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problem(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid",
                    "Field with a problem: " + field, List.of(new FieldProblem(field, expected(mismatch.getTargetType()))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid",
                    "Field with a problem: " + field, List.of(new FieldProblem(field, "has the wrong type or form")));
        }
        if (cause instanceof MismatchedInputException) {
            // valid JSON, but not one object: an array, a string, a number, null, or something after the object
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body must be a single JSON object (an order) and nothing else.", List.of());
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && DUPLICATE_FIELD.matcher(parse.getOriginalMessage()).find()) {
            var duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            duplicate.find();
            String field = duplicate.group(1);
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "A field appears more than once: " + field, List.of(new FieldProblem(field, "appears more than once")));
        }
        if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is missing: send the order as a JSON object.", List.of());
        }
        String detail = cause instanceof JsonProcessingException json && json.getLocation() != null
                ? "The body is not valid JSON (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")."
                : "The body is missing or is not valid JSON.";
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail, List.of());
    }

    /** A duplicate key (strict duplicate detection): Jackson names it; only plain field names are repeated back. */
    private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile("^Duplicate field '([A-Za-z0-9_]{1,64})'");

    /** What a field must be, by the Java type it is read into; never the value that was sent. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or form";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "must be a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-09-01T00:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        if (type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type or form";
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
        List<FieldProblem> errors = new ArrayList<>();
        ex.differingFields().forEach(f -> errors.add(new FieldProblem(f, "differs from order " + ex.trackingNumber())));
        return problem(HttpStatus.CONFLICT, "duplicate-reference", "Reference already used",
                "This authority already submitted an order with this reference (" + ex.trackingNumber()
                        + ") and its content differs in " + String.join(", ", ex.differingFields())
                        + ". Use a new reference for a new order.", errors);
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

    public static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
