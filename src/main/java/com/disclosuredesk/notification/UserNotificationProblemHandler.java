package com.disclosuredesk.notification;

import java.net.URI;
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

/** Errors of the user notification API as {@code application/problem+json}, each bad parameter named. */
@RestControllerAdvice(assignableTypes = UserNotificationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UserNotificationProblemHandler {

    private static final String TYPE_BASE = "https://disclosuredesk.example/problems/";

    @ExceptionHandler(UserNotificationController.NotificationRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(UserNotificationController.NotificationRequestException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameters with problems: "
                + ex.problems().stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
        problem.setType(URI.create(TYPE_BASE + "invalid-notification-request"));
        problem.setTitle("The request is invalid");
        problem.setProperty("errors", ex.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(UserNotificationController.NotificationNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(UserNotificationController.NotificationNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(URI.create(TYPE_BASE + "notification-not-found"));
        problem.setTitle("User notification not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
