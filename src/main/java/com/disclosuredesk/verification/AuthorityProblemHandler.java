package com.disclosuredesk.verification;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import com.disclosuredesk.web.FieldProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the registry API as {@code application/problem+json}, each offending field named. */
@RestControllerAdvice(assignableTypes = AuthorityController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuthorityProblemHandler {

    private static final String TYPE_BASE = "https://disclosuredesk.example/problems/";

    @ExceptionHandler(AuthorityInputException.class)
    ResponseEntity<ProblemDetail> invalid(AuthorityInputException ex) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-authority", "The authority is invalid", "Fields with problems: "
                + ex.problems().stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")), ex.problems());
    }

    @ExceptionHandler(AuthorityController.AuthorityNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AuthorityController.AuthorityNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "authority-not-found", "Authority not found", ex.getMessage(), List.of());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
