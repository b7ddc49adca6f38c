package com.disclosuredesk.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that Spring MVC finds before it chooses a controller method of the API (wrong content type, method,
 * accepted type, unknown path) have no handler, so {@link ApiProblemHandler}, which applies to the application's
 * controllers only, is not asked. On {@code /api/**} this answers them as {@code application/problem+json} too;
 * anywhere else it rethrows, so that the rest of the application (web apps, Swagger UI) keeps Spring's handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiRoutingProblemHandler {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!isApi(request)) {
            throw ex;
        }
        ResponseEntity<Object> problem = ApiProblemHandler.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "Send the request body as application/json.", List.of());
        return withHeader(problem, HttpHeaders.ACCEPT, ex.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : MediaType.toString(ex.getSupportedMediaTypes()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!isApi(request)) {
            throw ex;
        }
        String allowed = ex.getSupportedHttpMethods() == null ? ""
                : ex.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        ResponseEntity<Object> problem = ApiProblemHandler.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method not allowed", "This resource does not support " + ex.getMethod()
                        + (allowed.isEmpty() ? "." : "; it supports " + allowed + "."), List.of());
        return allowed.isEmpty() ? problem : withHeader(problem, HttpHeaders.ALLOW, allowed);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!isApi(request)) {
            throw ex;
        }
        return ApiProblemHandler.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This resource answers with " + MediaType.toString(ex.getSupportedMediaTypes()) + ".", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noSuchResource(NoResourceFoundException ex, HttpServletRequest request) throws NoResourceFoundException {
        if (!isApi(request)) {
            throw ex;
        }
        return ApiProblemHandler.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is no such resource in the API.", List.of());
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static ResponseEntity<Object> withHeader(ResponseEntity<Object> response, String name, String value) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).header(name, value)
                .body(response.getBody());
    }
}
