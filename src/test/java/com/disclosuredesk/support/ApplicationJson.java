package com.disclosuredesk.support;

import com.disclosuredesk.disclosure.PackageJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * For tests that build services by hand: an {@link ObjectMapper} set up like the application's bean (Spring Boot's
 * defaults and application.yaml: dates as text, nulls left out, unknown properties refused). PackageGoldenTest checks
 * the documents against the application's own bean.
 */
public final class ApplicationJson {

    private ApplicationJson() {}

    public static ObjectMapper mapper() {
        return new Jackson2ObjectMapperBuilder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static PackageJson packageJson() {
        return new PackageJson(mapper());
    }
}
