package com.disclosuredesk.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** One offending field of a request, named as in the JSON payload. */
@Schema(description = "An offending field")
public record FieldProblem(
        @Schema(description = "JSON path of the field, such as targets[2].value", example = "authority.country") String field,
        @Schema(description = "The rule it breaks; never the submitted value") String message) {}
