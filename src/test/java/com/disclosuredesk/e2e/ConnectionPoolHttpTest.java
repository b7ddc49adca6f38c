package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * No read can exhaust the connection pool: every read endpoint (the order and its messages, the message feed, the
 * disclosure package, the transparency report as JSON and CSV, the published reports, the ledger verification and one
 * entry, the transparency page, the registry of authorities, the user notifications, the intake accounts, the API
 * description) is called more times than the pool has connections, one after the other as a polling client does; then
 * the pool must have no connection in use and an order submitted next must be taken at once. The test runs in the
 * HTTP tests' shared application context (its pool of 20): a context of its own would register a second engine named
 * "default" in this JVM, which the engine REST API of the shared context would then use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false", "camunda.bpm.process-engine-name=default"})
@ActiveProfiles({"demo", "test"})
class ConnectionPoolHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired HikariDataSource dataSource;

    @Test
    void everyReadEndpointCalledMoreTimesThanThePoolHasConnectionsLeavesThePoolFree() throws Exception {
        int pool = dataSource.getMaximumPoolSize();
        OrderFlow flow = new OrderFlow(http);
        String trackingNumber = flow.submit(Orders.valid("AZ-POOL-" + System.nanoTime()));
        flow.discloseAfterAnalysisAndApproval(trackingNumber);
        String quarter = LocalDate.now().withDayOfMonth(1).toString();
        String to = LocalDate.now().plusDays(1).toString();

        List<String[]> reads = List.of(
                new String[] {"/api/orders/" + trackingNumber, "police-de"},
                new String[] {"/api/orders/" + trackingNumber + "/messages", "police-de"},
                new String[] {"/api/messages", "police-de"},
                new String[] {"/api/messages?after=1&limit=2", "police-de"},
                new String[] {"/api/orders/" + trackingNumber + "/disclosure", "police-de"},
                new String[] {"/api/transparency/report?from=" + quarter + "&to=" + to, null},
                new String[] {"/api/transparency/report?from=" + quarter + "&to=" + to + "&format=csv", null},
                new String[] {"/api/transparency/reports", null},
                new String[] {"/api/transparency/ledger/verification", null},
                new String[] {"/api/transparency/ledger/entries/1", null},
                new String[] {"/transparency", null},
                new String[] {"/api/authorities", "analyst"},
                new String[] {"/api/user-notifications?status=PENDING", "admin"},
                new String[] {"/api/intake-accounts", "admin"},
                new String[] {"/v3/api-docs", null},
                new String[] {"/actuator/health/readiness", null});
        Map<String, Integer> notOk = new TreeMap<>();
        for (String[] read : reads) {
            for (int i = 0; i < pool + 1; i++) {
                ResponseEntity<String> answer = get(read[0], read[1]);
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    notOk.merge(read[0] + " " + answer.getStatusCode().value(), 1, Integer::sum);
                }
            }
        }
        assertThat(notOk).as("reads not answered 2xx").isEmpty();
        // no connection stays in use (the job executor may hold one for a moment: wait for it, not for a leak)
        org.awaitility.Awaitility.await("no connection in use after the reads").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> dataSource.getHikariPoolMXBean().getActiveConnections() == 0);

        // the pool serves a submission at once
        String next = flow.submit(Orders.valid("AZ-POOL-NEXT-" + System.nanoTime()));
        List<String> steps = new ArrayList<>(flow.awaitStatus(next, "IN_LEGAL_ANALYSIS").get("timeline").findValuesAsText("step"));
        assertThat(steps).contains("RECEIVED", "VALIDITY_CHECKED");
    }

    private ResponseEntity<String> get(String path, String user) {
        HttpHeaders headers = user == null ? new HttpHeaders() : ApiRequests.signedIn(user);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.parseMediaType("text/csv"),
                MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
