package com.disclosuredesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The logging configuration of application.yaml, as Spring Boot reads it for a profile: every profile but the
 * embedded demo writes JSON lines (Elastic Common Schema) with the order's tracking number as a field; the demo
 * writes text with the tracking number in brackets.
 */
class StructuredLoggingConfigurationTest {

    @Test
    void productionProfilesLogJsonLinesWithTheTrackingNumberAsAField() throws Exception {
        ConfigurableEnvironment environment = environment("production");
        String format = environment.getProperty("logging.structured.format.console");
        assertThat(format).isEqualTo("ecs");

        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("com.disclosuredesk.order.OrderRepository"),
                Level.INFO, "Order step {}", null, new Object[] {"DISCLOSED"});
        event.setMDCPropertyMap(Map.of("trackingNumber", "LO-2026-000042", "activityId", "Task_DiscloseData"));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("trackingNumber").asText()).isEqualTo("LO-2026-000042");
        assertThat(json.get("activityId").asText()).isEqualTo("Task_DiscloseData");
        assertThat(json.get("message").asText()).isEqualTo("Order step DISCLOSED");
        assertThat(json.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(json.at("/service/name").asText()).isEqualTo("disclosure-desk");
    }

    @Test
    void theDemoProfileLogsTextWithTheTrackingNumberInBrackets() {
        ConfigurableEnvironment environment = environment("demo");
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(environment.getProperty("logging.pattern.correlation")).isEqualTo("[%X{trackingNumber:-}] ");
    }

    /** The environment Spring Boot builds from application*.yaml for {@code profile}. */
    private static ConfigurableEnvironment environment(String profile) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                profile);
        return environment;
    }
}
