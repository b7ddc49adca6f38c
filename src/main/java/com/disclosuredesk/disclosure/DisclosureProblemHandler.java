package com.disclosuredesk.disclosure;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No package to hand over: 404 when there is none for the caller, 410 when it expired (with its digest). */
@RestControllerAdvice(assignableTypes = DisclosureController.class)
public class DisclosureProblemHandler {

    @ExceptionHandler(DisclosureNotAvailableException.class)
    ResponseEntity<ProblemDetail> notAvailable(DisclosureNotAvailableException ex) {
        boolean expired = ex.record() != null;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(expired ? HttpStatus.GONE : HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(URI.create("https://disclosuredesk.example/problems/" + (expired ? "disclosure-expired" : "disclosure-not-found")));
        problem.setTitle(expired ? "Disclosure package expired" : "No disclosure package");
        if (expired) {
            problem.setProperty("sha256", ex.record().sha256());
            problem.setProperty("expiredAt", ex.record().expiresAt());
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
