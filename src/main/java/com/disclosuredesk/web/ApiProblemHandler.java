package com.disclosuredesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one handler of the API's errors: every error of {@code /api/**} (and of the application's other controllers) as
 * {@code application/problem+json} (RFC 9457), with an {@code errors} list that names each offending field. Messages
 * never echo submitted values (they may be personal data).
 * <ul>
 * <li>The application's own errors are {@link ApiProblemException}s (and {@code intake.OrderInputException}, which
 * must stay a Camunda {@code BadUserRequestException} for the start form): each carries its {@link ProblemType},
 * detail and fields, answered as they are.</li>
 * <li>The errors that Spring MVC finds (bad JSON, Bean Validation, wrong method, content type or path) through
 * {@link ResponseEntityExceptionHandler}, with the types of {@link ProblemType}; a lost race of the engine
 * ({@link OptimisticLockingException}) as {@link ProblemType#CONCURRENT_CHANGE}.</li>
 * </ul>
 * It applies to the API only: a request under {@code /api}, or one that a controller of this application handles.
 * Anything else (the web apps, Swagger UI, the actuator, static resources) is rethrown, so that it keeps Spring's own
 * handling. (Errors found before a controller is chosen — 404, 405, 415, 406 — have no controller, which is why this
 * advice is not limited by package, and why it decides by the path.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /** The application's own errors: the exception carries its problem. */
    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> apiProblem(ApiProblemException ex, HttpServletRequest request) {
        requireApplication(ex, request);
        return answer(ex);
    }

    /** Engine exceptions of this application that are also API errors ({@code OrderInputException}); others are rethrown. */
    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Object> badUserRequest(BadUserRequestException ex, HttpServletRequest request) {
        requireApplication(ex, request);
        if (ex instanceof ErrorResponse problem) {
            return answer(problem);
        }
        throw ex;
    }

    /**
     * A lost race: something else changed the order's process at the same time (an approval completed while the
     * authority withdrew, ...). The engine rolled this request back; nothing of it was done.
     */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingException ex, HttpServletRequest request) {
        requireApplication(ex, request);
        return problem(ProblemType.CONCURRENT_CHANGE,
                "The order changed at the same time (for example, it was decided); nothing of this request was done. "
                        + "Read its status and try again if it still applies.", List.of());
    }

    /** Spring MVC's own errors ({@link ResponseEntityExceptionHandler}) outside the API keep Spring's handling. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        requireApplication(ex, servlet(request));
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        requireApplication(ex, servlet(request));
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(fieldName(error.getField()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> problems.add(new FieldProblem("(order)", e.getDefaultMessage())));
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problem(ProblemType.INVALID_ORDER, ApiProblemException.fieldsDetail("Fields with problems: ", problems), problems);
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
        requireApplication(ex, servlet(request));
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(ex);
        if (tooLarge != null) {
            // a body without Content-Length (chunked) passed the limit while it was read
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONNECTION, "close").body(RequestBodyLimitFilter.problem(tooLarge.limit()));
        }
        if (inCauses(ex, StreamConstraintsException.class)) {
            // StreamReadConstraints (StrictJsonConfiguration): a depth or a number that no request of the API has
            return problem(ProblemType.MALFORMED_JSON, "The body passes a limit of the JSON reader: objects and arrays nest at "
                    + "most " + StrictJsonConfiguration.MAX_NESTING_DEPTH + " deep, numbers have at most "
                    + StrictJsonConfiguration.MAX_NUMBER_LENGTH + " characters.", List.of());
        }
        Throwable cause = ex.getCause();
        if (cause instanceof PropertyBindingException unknown) {
            // unknown fields, and the names of checks (valueWellFormed, ...) that are not fields either
            String field = path(unknown);
            return problem(ProblemType.UNKNOWN_FIELD, "Unknown field: " + field, List.of(new FieldProblem(field, "is not a field of an order")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problem(ProblemType.INVALID_ORDER, "Field with a problem: " + field, List.of(new FieldProblem(field, expected(mismatch.getTargetType()))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return problem(ProblemType.INVALID_ORDER, "Field with a problem: " + field, List.of(new FieldProblem(field, "has the wrong type or form")));
        }
        if (cause instanceof MismatchedInputException) {
            // valid JSON, but not one object: an array, a string, a number, null, or something after the object
            return problem(ProblemType.MALFORMED_JSON, "The body must be a single JSON object (an order) and nothing else.", List.of());
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && DUPLICATE_FIELD.matcher(parse.getOriginalMessage()).find()) {
            var duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            duplicate.find();
            String field = duplicate.group(1);
            return problem(ProblemType.MALFORMED_JSON, "A field appears more than once: " + field, List.of(new FieldProblem(field, "appears more than once")));
        }
        if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return problem(ProblemType.MALFORMED_JSON, "The body is missing: send the order as a JSON object.", List.of());
        }
        String detail = cause instanceof JsonProcessingException json && json.getLocation() != null
                ? "The body is not valid JSON (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")."
                : "The body is missing or is not valid JSON.";
        return problem(ProblemType.MALFORMED_JSON, detail, List.of());
    }

    /** A duplicate key (strict duplicate detection): Jackson names it; only plain field names are repeated back. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([A-Za-z0-9_]{1,64})'");

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

    // --- errors found before a controller method is chosen: on /api only ------------------------------------

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        requireApi(ex, servlet(request));
        return withHeader(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.", List.of()),
                HttpHeaders.ACCEPT, ex.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                        : MediaType.toString(ex.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        requireApi(ex, servlet(request));
        String allowed = ex.getSupportedHttpMethods() == null ? ""
                : ex.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        ResponseEntity<Object> problem = problem(ProblemType.METHOD_NOT_ALLOWED, "This resource does not support "
                + ex.getMethod() + (allowed.isEmpty() ? "." : "; it supports " + allowed + "."), List.of());
        return allowed.isEmpty() ? problem : withHeader(problem, HttpHeaders.ALLOW, allowed);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        requireApi(ex, servlet(request));
        return problem(ProblemType.NOT_ACCEPTABLE,
                "This resource answers with " + MediaType.toString(ex.getSupportedMediaTypes()) + ".", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        requireApi(ex, servlet(request));
        return problem(ProblemType.NOT_FOUND, "There is no such resource in the API.", List.of());
    }

    // --- scope and answers --------------------------------------------------------------------------------------

    /**
     * Rethrows the exception unless the request is the application's (under {@code /api}, or handled by one of its
     * controllers): the resolver then leaves it to Spring's own handling, as if this advice did not exist.
     */
    private static void requireApplication(Exception ex, HttpServletRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        boolean ours = handler instanceof HandlerMethod method
                && method.getBeanType().getName().startsWith(APPLICATION_PACKAGE);
        if (!ours) {
            requireApi(ex, request);
        }
    }

    /** Rethrows the exception unless the request is under {@code /api}. */
    private static void requireApi(Exception ex, HttpServletRequest request) {
        if (!isApi(request)) {
            throw ApiProblemHandler.<RuntimeException>rethrow(ex);
        }
    }

    private static final String APPLICATION_PACKAGE = "com.disclosuredesk.";

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Throws a checked exception unchanged where the signature cannot declare it (Spring's overridden methods). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable ex) throws T {
        throw (T) ex;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    private static ResponseEntity<Object> answer(ErrorResponse error) {
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(error.getBody());
    }

    static ResponseEntity<Object> problem(ProblemType type, String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(type.problem(detail, errors));
    }

    private static ResponseEntity<Object> withHeader(ResponseEntity<Object> response, String name, String value) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header(name, value)
                .body(response.getBody());
    }

    private static boolean inCauses(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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
}
