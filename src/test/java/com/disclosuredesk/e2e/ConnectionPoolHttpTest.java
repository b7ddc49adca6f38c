package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * No read can exhaust the connection pool: every read endpoint (the order and its messages, the message feed, the
 * disclosure package, the transparency report as JSON and CSV, the published reports, the ledger verification and one
 * entry, the transparency page, the registry of authorities, the user notifications, the intake accounts, the API
 * description) is called more times than the pool has connections, one after the other as a polling client does; after
 * each endpoint the pool must have no connection left in use, and an order submitted at the end must be taken at once.
 * While the test runs, a connection is waited for 2 s at most, so that a leak shows as a failure, not as a hang.
 */
@DisclosureDeskHttpTest
class ConnectionPoolHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired HikariDataSource dataSource;

    @Test
    void everyReadEndpointCalledMoreTimesThanThePoolHasConnectionsLeavesThePoolFree() throws Exception {
        int pool = dataSource.getMaximumPoolSize();
        long connectionTimeout = dataSource.getConnectionTimeout();
        dataSource.getHikariConfigMXBean().setConnectionTimeout(2000);
        try {
            readEverythingAndSubmit(pool);
        } finally {
            dataSource.getHikariConfigMXBean().setConnectionTimeout(connectionTimeout);
        }
    }

    private void readEverythingAndSubmit(int pool) throws Exception {
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
        for (String[] read : reads) {
            Map<String, Integer> notOk = new TreeMap<>();
            for (int i = 0; i < pool + 1; i++) {
                ResponseEntity<String> answer = get(read[0], read[1]);
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    notOk.merge(read[0] + " " + answer.getStatusCode().value(), 1, Integer::sum);
                }
            }
            assertThat(notOk).as("reads of %s not answered 2xx", read[0]).isEmpty();
            // the job executor borrows connections for a moment; a connection kept by a read never comes back
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(dataSource.getHikariPoolMXBean()
                    .getActiveConnections()).as("connections in use after %d reads of %s", pool + 1, read[0]).isZero());
        }

        // the pool serves a submission at once (a connection not returned in 2 s would fail it with 500)
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
