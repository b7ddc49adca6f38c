package com.disclosuredesk.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer, for the OpenAPI description only ({@code components/schemas/Problem}); the answers
 * themselves are Spring's {@code ProblemDetail}s, built by {@link ProblemType}.
 */
@Schema(name = "Problem", description = "An error (RFC 9457, application/problem+json)")
public record Problem(
        @Schema(format = "uri") String type,
        String title,
        Integer status,
        String detail,
        @Schema(format = "uri-reference") String instance,
        @Schema(description = "Each offending field, when there are fields") List<FieldProblem> errors) {}
