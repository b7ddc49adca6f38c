package com.disclosuredesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * An operation that needs sign-in: HTTP basic ({@link OpenApiConfiguration#BASIC_AUTH}), and its {@code 401} and
 * {@code 403} answers as {@code security.SecurityConfiguration} writes them.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SecurityRequirement(name = OpenApiConfiguration.BASIC_AUTH)
@ApiResponse(responseCode = "401", description = "Not signed in, or wrong user or password.",
        headers = @Header(name = "WWW-Authenticate", description = "Basic realm=\"Disclosure Desk\"", schema = @Schema(type = "string")),
        content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", summary = "Not signed in, or wrong user or password.", value = """
                        {"type": "about:blank", "title": "Unauthorized", "status": 401,
                         "detail": "Sign in with HTTP basic authentication.", "timestamp": "2026-11-22T09:15:02.118Z"}""")))
@ApiResponse(responseCode = "403", description = "The caller's groups do not allow this request.",
        content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", summary = "The caller's groups do not allow this request.", value = """
                        {"type": "about:blank", "title": "Forbidden", "status": 403,
                         "detail": "Your role does not allow this request.", "timestamp": "2026-11-22T09:15:02.118Z"}""")))
public @interface SignInProblems {}
