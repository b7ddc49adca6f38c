package com.disclosuredesk.disclosure;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A period of the documents ({@code from} inclusive, {@code to} exclusive), written as ISO-8601 instants. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"from", "to"})
public record Period(@JsonFormat(shape = JsonFormat.Shape.STRING) Instant from,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) Instant to) {}
