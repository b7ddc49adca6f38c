package com.disclosuredesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.disclosuredesk.support.DisclosureDeskHttpTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint that Spring MVC maps under {@code /api} is in the OpenAPI document, with its method: a renamed or
 * added mapping cannot silently drop out of (or be missing from) the description that clients read.
 */
@DisclosureDeskHttpTest
class ApiDocsCoverageHttpTest {

    @Autowired TestRestTemplate http;

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedApiEndpointIsInTheOpenApiDocument() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        // for a reader (and for comparing two versions of the document): target/api-docs.json
        Files.writeString(Path.of("target", "api-docs.json"), response.getBody());
        JsonNode paths = new ObjectMapper().readTree(response.getBody()).get("paths");

        Set<String> mapped = mappedApiEndpoints();
        List<String> missing = new ArrayList<>();
        for (String endpoint : mapped) {
            String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase();
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode item = paths.get(path);
            if (item == null || !item.has(method)) {
                missing.add(endpoint);
            }
        }

        assertThat(mapped).as("endpoints under /api").hasSizeGreaterThan(15)
                .contains("POST /api/orders", "GET /api/orders/{trackingNumber}", "GET /api/transparency/ledger/verification");
        assertThat(missing).as("mapped under /api but not in /v3/api-docs").isEmpty();
    }

    /** "METHOD /path" of every handler method under /api, path variables without their patterns ({id:\d+} is {id}). */
    private Set<String> mappedApiEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                if (!path.startsWith("/api/")) {
                    continue;
                }
                assertThat(methods).as("HTTP methods of %s (an API mapping names its methods)", path).isNotEmpty();
                methods.forEach(method -> endpoints.add(method.name() + " " + path));
            }
        }
        return endpoints;
    }
}
