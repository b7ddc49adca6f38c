package com.disclosuredesk.web;

/** One offending field of a request, named as in the JSON payload. */
public record FieldProblem(String field, String message) {}
