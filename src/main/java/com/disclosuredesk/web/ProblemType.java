package com.disclosuredesk.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every problem type of the API ({@code application/problem+json}, RFC 9457): its {@code type} URI, under one base,
 * its title and its status. Clients match on the {@code type} URIs: they are part of the contract and never change.
 * An error is answered by throwing an {@link ApiProblemException} of a type (or by {@link ApiProblemHandler} for the
 * errors that Spring MVC finds); {@code operations.NotReadyFilter} writes {@link #NOT_READY} itself, before Spring MVC.
 */
public enum ProblemType {

    // the body of a request
    INVALID_ORDER(HttpStatus.BAD_REQUEST, "invalid-order", "The order is invalid"),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "unknown-field", "The order has an unknown field"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large"),
    // routing: no controller method takes the request as it is
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    NOT_READY(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready yet"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    // orders
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "order-not-found", "Order not found"),
    DUPLICATE_REFERENCE(HttpStatus.CONFLICT, "duplicate-reference", "Reference already used"),
    ORDER_STATE(HttpStatus.CONFLICT, "order-state", "Not possible in the order's state"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time"),
    PRESERVATION_STATE(HttpStatus.CONFLICT, "preservation-state", "Not possible in the preservation's state"),
    INTAKE_ACCOUNT(HttpStatus.FORBIDDEN, "intake-account", "Not allowed for this intake account"),
    INTAKE_ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "intake-account-not-found", "Intake account not found"),
    DISCLOSURE_NOT_FOUND(HttpStatus.NOT_FOUND, "disclosure-not-found", "No disclosure package"),
    DISCLOSURE_EXPIRED(HttpStatus.GONE, "disclosure-expired", "Disclosure package expired"),
    // the registry of known authorities
    INVALID_AUTHORITY(HttpStatus.BAD_REQUEST, "invalid-authority", "The authority is invalid"),
    AUTHORITY_NOT_FOUND(HttpStatus.NOT_FOUND, "authority-not-found", "Authority not found"),
    // user notifications
    INVALID_NOTIFICATION_REQUEST(HttpStatus.BAD_REQUEST, "invalid-notification-request", "The request is invalid"),
    NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND, "notification-not-found", "User notification not found"),
    // transparency
    INVALID_REPORT_REQUEST(HttpStatus.BAD_REQUEST, "invalid-report-request", "The report request is invalid"),
    REPORT_NOT_PUBLISHED(HttpStatus.NOT_FOUND, "report-not-published", "Report not published"),
    LEDGER_ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "ledger-entry-not-found", "No such ledger entry"),
    // part two: content reports
    INVALID_NOTICE(HttpStatus.BAD_REQUEST, "invalid-notice", "The notice is invalid"),
    NOTICE_CONFLICT(HttpStatus.CONFLICT, "notice-conflict", "externalId already used for another notice"),
    NOTIFIER_SUSPENDED(HttpStatus.FORBIDDEN, "notifier-suspended", "Notices of this notifier are suspended"),
    CASE_NOT_FOUND(HttpStatus.NOT_FOUND, "case-not-found", "Case not found"),
    INVALID_COMPLAINT(HttpStatus.BAD_REQUEST, "invalid-complaint", "The complaint is invalid"),
    COMPLAINT_NOT_ALLOWED(HttpStatus.CONFLICT, "complaint-not-allowed", "No complaint is possible");

    /** The base of every {@code type} URI of the application's problems. */
    public static final String TYPE_BASE = "https://disclosuredesk.example/problems/";

    private final HttpStatus status;
    private final String name;
    private final String title;

    ProblemType(HttpStatus status, String name, String title) {
        this.status = status;
        this.name = name;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return URI.create(TYPE_BASE + name);
    }

    public String title() {
        return title;
    }

    /** The problem of this type; {@code errors} (each offending field) only when there are any. */
    public ProblemDetail problem(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", List.copyOf(errors));
        }
        return problem;
    }

    public ProblemDetail problem(String detail) {
        return problem(detail, List.of());
    }
}
