package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemHandler;
import com.disclosuredesk.web.FieldProblem;

import java.util.List;

import com.disclosuredesk.preservation.PreservationStateException;

import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json answers for the order's lifecycle: input rules, state conflicts (of the order or of its preservation
 * hold, or a concurrent change of its process), intake account bindings.
 */
@RestControllerAdvice(basePackages = "com.disclosuredesk")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LifecycleProblemHandler {

    @ExceptionHandler(OrderInputException.class)
    ResponseEntity<Object> invalid(OrderInputException ex) {
        return ApiProblemHandler.problem(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid",
                "Fields with problems: " + String.join(", ", ex.problems().stream().map(FieldProblem::field).distinct().toList()),
                ex.problems());
    }

    @ExceptionHandler(OrderStateConflictException.class)
    ResponseEntity<Object> conflict(OrderStateConflictException ex) {
        return ApiProblemHandler.problem(HttpStatus.CONFLICT, "order-state", "Not possible in the order's state",
                ex.getMessage(), List.of());
    }

    /**
     * A lost race: something else changed the order's process at the same time (an approval completed while the
     * authority withdrew, ...). The engine rolled this request back; nothing of it was done.
     */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingException ex) {
        return ApiProblemHandler.problem(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time",
                "The order changed at the same time (for example, it was decided); nothing of this request was done. "
                        + "Read its status and try again if it still applies.", List.of());
    }

    @ExceptionHandler(PreservationStateException.class)
    ResponseEntity<Object> preservationConflict(PreservationStateException ex) {
        return ApiProblemHandler.problem(HttpStatus.CONFLICT, "preservation-state", "Not possible in the preservation's state",
                ex.getMessage(), List.of());
    }

    @ExceptionHandler(IntakeAccountException.class)
    ResponseEntity<Object> forbidden(IntakeAccountException ex) {
        return ApiProblemHandler.problem(HttpStatus.FORBIDDEN, "intake-account", "Not allowed for this intake account",
                ex.getMessage(), List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(UnknownIntakeAccountException.class)
    ResponseEntity<Object> unknownAccount(UnknownIntakeAccountException ex) {
        return ApiProblemHandler.problem(HttpStatus.NOT_FOUND, "intake-account-not-found", "Intake account not found",
                ex.getMessage(), List.of());
    }
}
