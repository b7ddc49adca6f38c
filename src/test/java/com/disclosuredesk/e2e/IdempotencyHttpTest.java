package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same authority and reference never create a second order: a resubmission of the same body is {@code 200}
 * with the existing order, a different body is {@code 409}, and twenty identical submissions at once create one
 * order and one process instance.
 */
@DisclosureDeskHttpTest
class IdempotencyHttpTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    @Test
    void resubmittingTheSameBodyAnswersWithTheExistingOrder() throws Exception {
        String body = JSON.writeValueAsString(Orders.valid("AZ-IDEM-" + System.nanoTime()));

        ResponseEntity<String> first = post(body, "police-de");
        long afterFirst = orders.count();
        ResponseEntity<String> again = post(body, "police-de");

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
        String trackingNumber = JSON.readTree(first.getBody()).get("trackingNumber").asText();
        assertThat(JSON.readTree(again.getBody()).get("trackingNumber").asText()).isEqualTo(trackingNumber);
        assertThat(again.getHeaders().getLocation()).hasToString("/api/orders/" + trackingNumber);
        assertThat(orders.count()).isEqualTo(afterFirst);
        assertThat(processInstances(trackingNumber)).isEqualTo(1);
    }

    @Test
    void theSameReferenceWithAnotherBodyIsAConflict() throws Exception {
        OrderSubmission original = Orders.valid("AZ-CONFLICT-" + System.nanoTime());
        ResponseEntity<String> first = post(JSON.writeValueAsString(original), "police-de");
        String trackingNumber = JSON.readTree(first.getBody()).get("trackingNumber").asText();
        long afterFirst = orders.count();

        ResponseEntity<String> changed = post(JSON.writeValueAsString(Orders.withOffence(original, Offence.FRAUD)), "police-de");

        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(409);
        assertThat(changed.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = JSON.readTree(changed.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("offence");
        assertThat(problem.get("detail").asText()).contains(trackingNumber);
        assertThat(orders.count()).isEqualTo(afterFirst);
        assertThat(processInstances(trackingNumber)).isEqualTo(1);
    }

    @Test
    void twentyIdenticalSubmissionsAtOnceCreateOneOrderAndOneProcess() throws Exception {
        String reference = "AZ-RACE-" + System.nanoTime();
        String body = JSON.writeValueAsString(Orders.valid(reference));
        int submissions = 20;
        long ordersBefore = orders.count();

        List<ResponseEntity<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        try {
            CountDownLatch ready = new CountDownLatch(submissions);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return post(body, "police-de");
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<ResponseEntity<String>> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(r -> r.getStatusCode().value(), Collectors.counting()));
        assertThat(statuses).as("status codes; bodies: %s", responses.stream().map(ResponseEntity::getBody).distinct().toList())
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 200, 19L));
        List<String> trackingNumbers = responses.stream().map(r -> trackingNumber(r.getBody())).distinct().toList();
        assertThat(trackingNumbers).hasSize(1);
        String trackingNumber = trackingNumbers.get(0);

        assertThat(orders.count()).isEqualTo(ordersBefore + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dd_legal_order WHERE reference = ?").param(reference).query(Long.class).single())
                .isEqualTo(1);
        assertThat(processInstances(trackingNumber)).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Process instances with the tracking number as business key, running or ended (history). */
    private long processInstances(String trackingNumber) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count()).isLessThanOrEqualTo(1);
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count();
    }

    private static String trackingNumber(String body) {
        try {
            return JSON.readTree(body).get("trackingNumber").asText();
        } catch (Exception e) {
            throw new AssertionError("not an order: " + body, e);
        }
    }

    private ResponseEntity<String> post(String body, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
