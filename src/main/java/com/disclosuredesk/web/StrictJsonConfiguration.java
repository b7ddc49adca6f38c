package com.disclosuredesk.web;

import java.time.Clock;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON request bodies are read as written, nothing guessed: a number is no string, {@code "true"} is no
 * boolean, {@code 0} is no enum constant, a key may appear only once, nothing may follow the object. (Unknown
 * fields are refused by {@code spring.jackson.deserialization}.) Dates keep Jackson's java.time forms: ISO-8601
 * text as in the spec, and also the timestamp forms that Jackson writes by default (clients and tests use them).
 * This is the application's Spring MVC mapper; the engine REST API and Camunda Spin have their own.
 * <p>
 * Jackson's {@link StreamReadConstraints} bound what the byte limit of {@link RequestBodyLimitFilter} does not: how
 * deep a body nests and how long a number is (Jackson's defaults, 1,000 each, are far beyond any request of this API;
 * a body past them answers {@code 400} {@code malformed-json}). The length of the document stays with the filter:
 * it answers {@code 413} from {@code Content-Length} before anything is read and before sign-in, counts bodies that
 * Jackson never reads, and is the same for every body; a document length of Jackson's would fail only while parsing,
 * as a parse error. String lengths stay within the body limit by that limit.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    /** The easternmost time zone: a date is "in the future" only when it is in the future everywhere. */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** The deepest nesting of objects and arrays in a JSON document read by the application (an order nests 3 deep). */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The most characters of a JSON number (a long has at most 20). */
    public static final int MAX_NUMBER_LENGTH = 64;

    static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        // the names of checks (valueWellFormed, ...) are ignored properties, not fields: refuse them
                        DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(READ_CONSTRAINTS);
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Enum)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                });
    }

    /**
     * The clock of {@code @PastOrPresent} and {@code @FutureOrPresent}: the application's clock, in UTC+14, so
     * that an order dated today by an authority anywhere on earth is not "in the future".
     */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(EARLIEST_ZONE));
    }
}
