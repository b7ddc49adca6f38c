package com.disclosuredesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.disclosuredesk.support.DisclosureDeskHttpTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The errors that Spring MVC finds before a controller method runs are problems of their own type on {@code /api}, and
 * are left to Spring everywhere else ({@link ApiProblemHandler} applies to the API only).
 */
@DisclosureDeskHttpTest
class ApiProblemScopeHttpTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired TestRestTemplate http;

    @Test
    void anUnknownApiPathIsTheProblemNotFound() throws Exception {
        ResponseEntity<String> response = http.exchange("/api/transparency/no-such-thing", HttpMethod.GET,
                new HttpEntity<>(headers(null)), String.class);

        assertProblem(response, 404, "not-found");
    }

    @Test
    void aMethodThatTheResourceDoesNotSupportIsMethodNotAllowedWithAllow() throws Exception {
        ResponseEntity<String> response = http.exchange("/api/orders/LO-2026-000001", HttpMethod.DELETE,
                new HttpEntity<>(headers("admin")), String.class);

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.getHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIsNotAcceptable() throws Exception {
        HttpHeaders headers = headers(null);
        headers.setAccept(List.of(MediaType.APPLICATION_XML));
        ResponseEntity<String> response = http.exchange("/api/transparency/ledger/verification", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(406);
    }

    @Test
    void outsideTheApiSpringsOwnHandlingStays() {
        ResponseEntity<String> response = http.exchange("/transparency/no-such-page.html", HttpMethod.GET,
                new HttpEntity<>(headers(null)), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(String.valueOf(response.getBody())).doesNotContain(ProblemType.TYPE_BASE);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String type) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo(ProblemType.TYPE_BASE + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (user != null) {
            headers.set(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }
}
