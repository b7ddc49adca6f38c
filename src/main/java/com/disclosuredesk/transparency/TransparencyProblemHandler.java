package com.disclosuredesk.transparency;

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

/** Errors of the public transparency API as {@code application/problem+json}, each bad parameter named. */
@RestControllerAdvice(assignableTypes = {TransparencyReportController.class, LedgerController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TransparencyProblemHandler {

    private static final String TYPE_BASE = "https://disclosuredesk.example/problems/";

    @ExceptionHandler(ReportRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(ReportRequestException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameters with problems: "
                + ex.problems().stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
        problem.setType(URI.create(TYPE_BASE + "invalid-report-request"));
        problem.setTitle("The report request is invalid");
        problem.setProperty("errors", ex.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(TransparencyReportController.ReportNotPublishedException.class)
    ResponseEntity<ProblemDetail> notPublished(TransparencyReportController.ReportNotPublishedException ex) {
        return notFound("report-not-published", "Report not published", ex.getMessage());
    }

    @ExceptionHandler(LedgerController.NoSuchEntryException.class)
    ResponseEntity<ProblemDetail> noEntry(LedgerController.NoSuchEntryException ex) {
        return notFound("ledger-entry-not-found", "No such ledger entry", ex.getMessage());
    }

    private static ResponseEntity<ProblemDetail> notFound(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
