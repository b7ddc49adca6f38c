package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.HttpCookie;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.disclosuredesk.intake.OrderLifecycleService;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A lost race ends one way and the loser hears {@code 409}: two approvers completing the same approval at once (over
 * {@code /engine-rest} and over the web apps' engine API behind Tasklist), and an approval racing a withdrawal, in both
 * orders. The race is made deterministic: the first decision runs in a transaction that this test holds open after its
 * work is written; the second comes in over HTTP, and once the database shows it waiting for the first one's row
 * locks, the first commits. The engine then finds the second's rows changed (an optimistic locking failure) and rolls
 * it back. Afterwards the order has one outcome: one disclosure and one ledger entry, or a withdrawal, no disclosure and
 * one ledger entry.
 */
@DisclosureDeskHttpTest
class ConcurrentDecisionHttpTest {

    private static final String APPROVE = "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}";

    @Autowired TestRestTemplate http;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrderLifecycleService lifecycle;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoApproversAtOnceOverEngineRestOneWinsTheOtherGets409() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String trackingNumber = awaitingApproval(flow, "AZ-RACE-REST-");
        String task = claimApproval(flow, trackingNumber);

        ResponseEntity<JsonNode> loser = race(() -> approveInTransaction(task),
                () -> flow.exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/complete", APPROVE, "approver"));

        assertThat(loser.getStatusCode().value()).as(String.valueOf(loser.getBody())).isEqualTo(409);
        assertThat(loser.getBody().get("type").asText()).isEqualTo("OptimisticLockingException");
        assertDisclosedOnce(flow, trackingNumber);
        // the task is gone: completing it again is 404, not 500
        assertThat(flow.exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/complete", APPROVE, "approver")
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void twoApproversAtOnceInTasklistOneWinsTheOtherGets409() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String trackingNumber = awaitingApproval(flow, "AZ-RACE-WEBAPP-");
        String task = claimApproval(flow, trackingNumber);
        Tasklist tasklist = Tasklist.signIn(http, "approver");

        ResponseEntity<String> loser = race(() -> approveInTransaction(task),
                () -> tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/complete", APPROVE));

        assertThat(loser.getStatusCode().value()).as(loser.getBody()).isEqualTo(409);
        assertThat(loser.getBody()).contains("OptimisticLockingException");
        assertDisclosedOnce(flow, trackingNumber);
    }

    @Test
    void aWithdrawalLosingToAnApprovalGets409AndTheOrderIsDisclosedOnce() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String trackingNumber = awaitingApproval(flow, "AZ-RACE-WDR1-");
        String task = claimApproval(flow, trackingNumber);

        ResponseEntity<JsonNode> loser = race(() -> approveInTransaction(task),
                () -> flow.exchange(HttpMethod.POST, "/api/orders/" + trackingNumber + "/withdrawal", "{}", "police-de"));

        assertThat(loser.getStatusCode().value()).as(String.valueOf(loser.getBody())).isEqualTo(409);
        assertThat(loser.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(loser.getBody().get("type").asText()).endsWith("/concurrent-change");
        JsonNode disclosed = assertDisclosedOnce(flow, trackingNumber);
        assertThat(disclosed.get("timeline").findValuesAsText("step")).doesNotContain("WITHDRAWN");
    }

    @Test
    void anApprovalLosingToAWithdrawalGets409AndNothingIsDisclosed() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String trackingNumber = awaitingApproval(flow, "AZ-RACE-WDR2-");
        String task = claimApproval(flow, trackingNumber);

        ResponseEntity<JsonNode> loser = race(
                () -> transaction.executeWithoutResult(s -> lifecycle.withdraw(trackingNumber, "police-de", null)),
                () -> flow.exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/complete", APPROVE, "approver"));

        assertThat(loser.getStatusCode().value()).as(String.valueOf(loser.getBody())).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerEntries(trackingNumber) == 1);
        JsonNode order = flow.status(trackingNumber);
        assertThat(order.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(order.get("timeline").findValuesAsText("step")).doesNotContain("APPROVAL_APPROVE", "DISCLOSED");
        assertThat(disclosures(trackingNumber)).isZero();
        assertThat(ledgerEntries(trackingNumber)).isEqualTo(1);
    }

    // --- the race ---------------------------------------------------------------------------------------------------

    /**
     * Runs {@code first} in a transaction held open after its work, starts {@code second}, waits until the database
     * shows {@code second} waiting for {@code first}'s locks, lets {@code first} commit, and answers {@code second}'s
     * answer.
     */
    private <T> T race(Runnable first, Callable<T> second) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> winner = threads.submit(() -> transaction.executeWithoutResult(status -> {
            first.run();
            written.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).as("the first decision written").isTrue();
        Future<T> loser = threads.submit(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> blockedSessions() > 0 || loser.isDone());
        commit.countDown();
        winner.get(30, TimeUnit.SECONDS);
        return loser.get(30, TimeUnit.SECONDS);
    }

    /**
     * Sessions waiting for what another session holds: on PostgreSQL a lock wait; on H2 a session blocked by another,
     * or one stuck in a statement for a moment (H2 waits for an uncommitted row with the same unique key in a loop,
     * without naming the blocker).
     */
    private int blockedSessions() {
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND datname = current_database()", Integer.class);
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() "
                + "AND (BLOCKER_ID IS NOT NULL OR (EXECUTING_STATEMENT IS NOT NULL "
                + "AND EXECUTING_STATEMENT_START < DATEADD(MILLISECOND, -500, CURRENT_TIMESTAMP)))", Integer.class);
    }

    private void approveInTransaction(String task) {
        identity.setAuthentication("approver", List.of("legal-approvers"));
        try {
            tasks.complete(task, Map.of("approvalDecision", "APPROVE"));
        } finally {
            identity.clearAuthentication();
        }
    }

    // --- the order --------------------------------------------------------------------------------------------------

    private static String awaitingApproval(OrderFlow flow, String reference) throws InterruptedException {
        String trackingNumber = flow.submit(Orders.valid(reference + System.nanoTime()));
        flow.awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        flow.completeTask(trackingNumber, "analyst", """
                {"variables": {
                  "analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order, suspect named, the offence violates the ToS."}}}
                """);
        flow.awaitStatus(trackingNumber, "AWAITING_APPROVAL");
        return trackingNumber;
    }

    private static String claimApproval(OrderFlow flow, String trackingNumber) {
        JsonNode found = flow.exchange(HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber
                + "&taskDefinitionKey=Task_Approval", null, "approver").getBody();
        assertThat(found).hasSize(1);
        String task = found.get(0).get("id").asText();
        assertThat(flow.exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"approver\"}",
                "approver").getStatusCode().value()).isEqualTo(204);
        return task;
    }

    private JsonNode assertDisclosedOnce(OrderFlow flow, String trackingNumber) throws InterruptedException {
        JsonNode order = flow.awaitStatus(trackingNumber, "DISCLOSED");
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerEntries(trackingNumber) == 1);
        assertThat(disclosures(trackingNumber)).as("disclosures").isEqualTo(1);
        assertThat(order.get("timeline").findValuesAsText("step").stream().filter("APPROVAL_APPROVE"::equals).count())
                .as("approvals in the timeline").isEqualTo(1);
        return order;
    }

    private int disclosures(String trackingNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dd_disclosure WHERE tracking_number = ?", Integer.class,
                trackingNumber);
    }

    private int ledgerEntries(String trackingNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dd_ledger_entry WHERE tracking_number = ?", Integer.class,
                trackingNumber);
    }

    /** A Tasklist session: signed in with the web apps' login, the session cookie and the CSRF token they use. */
    record Tasklist(TestRestTemplate http, HttpHeaders headers) {

        static Tasklist signIn(TestRestTemplate http, String user) {
            HttpHeaders headers = new HttpHeaders();
            absorbCookies(headers, http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class));
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("username", user);
            form.add("password", user);
            HttpHeaders login = new HttpHeaders();
            login.putAll(headers);
            login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                    HttpMethod.POST, new HttpEntity<>(form, login), String.class);
            assertThat(signedIn.getStatusCode().value()).as(signedIn.getBody()).isEqualTo(200);
            absorbCookies(headers, signedIn);
            // the sign-in starts a new session: its CSRF token comes with the next read
            absorbCookies(headers, http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class));
            return new Tasklist(http, headers);
        }

        ResponseEntity<String> post(String path, String body) {
            HttpHeaders request = new HttpHeaders();
            request.putAll(headers);
            request.setContentType(MediaType.APPLICATION_JSON);
            request.setAccept(List.of(MediaType.APPLICATION_JSON));
            return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, request), String.class);
        }

        /** Keeps the cookies the web apps set (session, XSRF-TOKEN) and sends the CSRF token as its header. */
        private static void absorbCookies(HttpHeaders headers, ResponseEntity<?> response) {
            Map<String, String> cookies = new java.util.LinkedHashMap<>();
            for (String cookie : headers.getOrEmpty(HttpHeaders.COOKIE)) {
                for (String pair : cookie.split(";\\s*")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2) {
                        cookies.put(kv[0], kv[1]);
                    }
                }
            }
            for (String setCookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                for (HttpCookie cookie : HttpCookie.parse(setCookie)) {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
            headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            if (cookies.containsKey("XSRF-TOKEN")) {
                headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
        }
    }
}
