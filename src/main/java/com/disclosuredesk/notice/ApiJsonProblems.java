package com.disclosuredesk.notice;

import java.util.List;

import com.disclosuredesk.web.ApiProblemHandler;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Bodies of part two that Jackson cannot read, answered in the words of the resource (a notice, a complaint): an unknown
 * field ({@code unknown-field}, "is not a field of a notice") and a value of the wrong JSON type (the resource's own
 * {@code invalid-*} type, naming the field). Everything else (malformed JSON, limits, a missing body) goes to the
 * application's {@link ApiProblemHandler}, unchanged.
 */
@Component
public class ApiJsonProblems {

    private final ApiProblemHandler handler;

    public ApiJsonProblems(ApiProblemHandler handler) {
        this.handler = handler;
    }

    public ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, WebRequest request, ProblemType invalid,
                                             String resource) throws Exception {
        Throwable cause = ex.getCause();
        if (cause instanceof PropertyBindingException unknown) {
            String field = path(unknown);
            return problem(ProblemType.UNKNOWN_FIELD, "Unknown field: " + field,
                    List.of(new FieldProblem(field, "is not a field of " + resource)));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problem(invalid, "Field with a problem: " + field, List.of(new FieldProblem(field, expected(mismatch.getTargetType()))));
        }
        return handler.handleException(ex, request);
    }

    private static ResponseEntity<Object> problem(ProblemType type, String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(type.problem(detail, errors));
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type != null && type.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong type or form";
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
