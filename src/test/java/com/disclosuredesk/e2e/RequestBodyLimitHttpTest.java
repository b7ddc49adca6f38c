package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The body limit of the API ({@code disclosure-desk.api.max-body-bytes}, 1 MiB): at the limit a body is read,
 * one byte more is {@code 413}, announced by {@code Content-Length} or counted in a chunked body.
 */
@DisclosureDeskHttpTest
class RequestBodyLimitHttpTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired HistoryService history;
    @LocalServerPort int port;
    @Value("${disclosure-desk.api.max-body-bytes}") int maxBytes;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theLimitIsOneMebibyte() {
        assertThat(maxBytes).isEqualTo(1024 * 1024);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws Exception {
        // an order whose emergencyFacts are far too long: read, then refused by validation, not by size
        ResponseEntity<String> response = post(orderOfSize(maxBytes), "police-de");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("emergencyFacts");
    }

    @Test
    void oneByteMoreIsPayloadTooLarge() throws Exception {
        long before = orders.count();

        ResponseEntity<String> response = post(orderOfSize(maxBytes + 1), "police-de");

        assertTooLarge(response.getStatusCode().value(), response.getHeaders().getContentType(), response.getBody());
        assertThat(orders.count()).isEqualTo(before);
    }

    @Test
    void anAnnouncedOversizedBodyIsRefusedBeforeSignIn() throws Exception {
        ResponseEntity<String> response = http.exchange("/api/orders", HttpMethod.POST,
                new HttpEntity<>(orderOfSize(maxBytes + 100), jsonHeaders()), String.class);

        assertTooLarge(response.getStatusCode().value(), response.getHeaders().getContentType(), response.getBody());
    }

    @Test
    void aChunkedBodyIsCountedWhileReadAndRefusedPastTheLimit() throws Exception {
        long before = orders.count();
        long instancesBefore = history.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> response = postChunked(orderOfSize(maxBytes + maxBytes / 2));

        assertTooLarge(response.statusCode(), response.headers().firstValue("Content-Type").map(MediaType::parseMediaType).orElse(null),
                response.body());
        assertThat(orders.count()).isEqualTo(before);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAnOrder() throws Exception {
        String body = JSON.writeValueAsString(Orders.valid("AZ-CHUNKED-" + System.nanoTime()));

        HttpResponse<String> response = postChunked(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("trackingNumber").asText()).matches("LO-\\d{4}-\\d{6}");
    }

    @Test
    void aBodyNestedDeeperThanTheReadersLimitIsMalformed() throws Exception {
        // a JSON tree (the registry reads its body as one) of 65 nested arrays, far within the byte limit
        String deep = "{\"country\": " + "[".repeat(65) + "]".repeat(65) + "}";

        ResponseEntity<String> response = http.exchange("/api/authorities", HttpMethod.POST,
                new HttpEntity<>(deep, withUser(jsonHeaders(), "analyst")), String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://disclosuredesk.example/problems/malformed-json");
        assertThat(problem.get("detail").asText()).contains("nest at most 64 deep");
    }

    @Test
    void aNumberLongerThanTheReadersLimitIsMalformed() throws Exception {
        ObjectNode order = JSON.valueToTree(Orders.valid("AZ-NUMBER-" + System.nanoTime()));
        String body = order.toString().replace("\"suspectConfirmed\":true", "\"suspectConfirmed\":" + "9".repeat(100));
        assertThat(body).contains("9".repeat(100));

        ResponseEntity<String> response = post(body, "police-de");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("detail").asText()).contains("numbers have at most 64 characters");
        assertThat(response.getBody()).doesNotContain("9999999999");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void assertTooLarge(int status, MediaType contentType, String body) throws Exception {
        assertThat(status).as(body).isEqualTo(413);
        assertThat(contentType).isNotNull();
        assertThat(contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("content type %s", contentType).isTrue();
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asText()).isEqualTo("Payload too large");
        assertThat(problem.get("detail").asText()).contains("1048576 bytes").contains("1 MiB");
        assertThat(body).doesNotContain("xxxxxxxx");
    }

    /** A valid order padded with emergencyFacts to exactly {@code size} bytes of UTF-8. */
    private static String orderOfSize(int size) throws Exception {
        ObjectNode order = JSON.valueToTree(Orders.valid("AZ-SIZE-" + System.nanoTime()));
        order.put("emergencyFacts", "");
        int padding = size - order.toString().getBytes(StandardCharsets.UTF_8).length;
        order.put("emergencyFacts", "x".repeat(padding));
        String body = order.toString();
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return body;
    }

    private ResponseEntity<String> post(String body, String user) {
        HttpHeaders headers = jsonHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, basic(user));
        return http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** Without Content-Length: the JDK client sends a body of unknown length chunked. */
    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", basic("police-de"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpHeaders withUser(HttpHeaders headers, String user) {
        headers.set(HttpHeaders.AUTHORIZATION, basic(user));
        return headers;
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
