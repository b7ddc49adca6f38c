package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.disclosuredesk.support.Polling;
import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operations rely on, over HTTP: the probes (public, status only), health details and metrics (administrators
 * and the monitoring group only), the metrics' figures in Prometheus format after real orders, and the history
 * cleanup as configured.
 */
@DisclosureDeskHttpTest
class OperationsHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired DataSource dataSource;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("camundaTaskExecutor")
    org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor jobThreads;

    @Test
    void probesAnswerEveryoneWithTheirStatusOnly() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            ResponseEntity<JsonNode> anonymous = http.getForEntity(probe, JsonNode.class);
            assertThat(anonymous.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(anonymous.getBody().get("status").asText()).as(probe).isEqualTo("UP");
            assertThat(anonymous.getBody().has("components")).as(probe + " shows no components").isFalse();
            assertThat(anonymous.getBody().has("details")).as(probe + " shows no details").isFalse();
        }
        // a single component, the metrics and the list of endpoints need sign-in, and the right group
        for (String path : List.of("/actuator/health/db", "/actuator/health/processEngine", "/actuator/prometheus",
                "/actuator/metrics", "/actuator")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String user : List.of("police-de", "analyst", "approver")) {
                assertThat(get(path, user).getStatusCode()).as(path + " as " + user).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        // other actuator endpoints are not exposed at all
        assertThat(get("/actuator/env", "admin").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/actuator/beans", "admin").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the analyst is signed in, but not allowed to see details: status only
        JsonNode asAnalystOnPublic = get("/actuator/health/readiness", "analyst").getBody();
        assertThat(asAnalystOnPublic.has("components")).isFalse();
    }

    @Test
    void readinessIncludesTheEngineAndTheJobExecutorForAdministratorsAndMonitoring() {
        for (String user : List.of("monitor", "admin")) {
            JsonNode readiness = get("/actuator/health/readiness", user).getBody();
            assertThat(readiness.get("status").asText()).isEqualTo("UP");
            JsonNode components = readiness.get("components");
            assertThat(components.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("readinessState", "db", "processEngine", "jobExecutor");
            JsonNode engineHealth = components.get("processEngine");
            assertThat(engineHealth.get("status").asText()).isEqualTo("UP");
            assertThat(engineHealth.get("details").get("name").asText()).isEqualTo("default");
            assertThat(engineHealth.get("details").get("legalOrderVersion").asInt()).isPositive();
            JsonNode executor = components.get("jobExecutor");
            assertThat(executor.get("status").asText()).isEqualTo("UP");
            assertThat(executor.get("details").get("active").asBoolean()).isTrue();
            assertThat(executor.get("details").get("enabled").asBoolean()).isTrue();
            for (String count : List.of("jobsDue", "jobsLocked", "jobsFailed")) {
                assertThat(executor.get("details").get(count).isIntegralNumber()).as(count).isTrue();
            }
        }
        JsonNode liveness = get("/actuator/health/liveness", "monitor").getBody();
        assertThat(liveness.get("components").fieldNames()).toIterable().containsExactly("livenessState");
        assertThat(get("/actuator/health/jobExecutor", "monitor").getBody().get("details").get("jobsFailed")
                .asLong()).isEqualTo(engine.getManagementService().createJobQuery().noRetriesLeft().count());
    }

    @Test
    void metricsInPrometheusFormatCountOrdersTasksIncidentsAndTimeTheDisclosure() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String disclosed = flow.submit(Orders.valid("AZ-METRICS-" + System.nanoTime()));
        flow.discloseAfterAnalysisAndApproval(disclosed);

        ResponseEntity<String> scrape = http.exchange("/actuator/prometheus", HttpMethod.GET,
                new HttpEntity<>(scraper()), String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getHeaders().getContentType().toString()).startsWith("text/plain");
        String metrics = scrape.getBody();
        assertThat(metrics).contains("# TYPE disclosuredesk_orders gauge", "# TYPE disclosuredesk_tasks_overdue gauge",
                "# TYPE disclosuredesk_incidents_open gauge", "# TYPE disclosuredesk_jobs gauge",
                "# TYPE disclosuredesk_disclosure_duration_seconds histogram",
                "# TYPE disclosuredesk_order_time_to_disclosure_seconds histogram");
        assertThat(value(metrics, "disclosuredesk_disclosure_duration_seconds_count", "outcome", "FULFILLED")).isPositive();
        assertThat(value(metrics, "disclosuredesk_order_time_to_disclosure_seconds_count")).isPositive();
        assertThat(value(metrics, "disclosuredesk_order_time_to_disclosure_seconds_bucket", "le", "3600.0"))
                .as("this order took less than an hour").isPositive();

        // orders by status: the figures of the orders table
        assertThat(stableOrdersByStatus()).satisfies(counts -> counts.forEach((status, count) ->
                assertThat(value(scrapePrometheus(), "disclosuredesk_orders", "status", status)).as(status).isEqualTo(count.doubleValue())));
        assertThat(value(metrics, "disclosuredesk_orders", "status", "DISCLOSED")).isPositive();

        // a task past its due date is overdue
        String waiting = flow.submit(Orders.valid("AZ-OVERDUE-" + System.nanoTime()));
        flow.awaitStatus(waiting, "IN_LEGAL_ANALYSIS");
        double overdueBefore = value(scrapePrometheus(), "disclosuredesk_tasks_overdue");
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(waiting).singleResult();
        task.setDueDate(Date.from(Instant.now().minus(Duration.ofHours(1))));
        engine.getTaskService().saveTask(task);
        assertThat(value(scrapePrometheus(), "disclosuredesk_tasks_overdue")).isEqualTo(overdueBefore + 1);

        // an open incident is counted until it is resolved
        double incidentsBefore = value(scrapePrometheus(), "disclosuredesk_incidents_open");
        Incident incident = engine.getRuntimeService().createIncident("metrics-test", task.getExecutionId(), "test");
        assertThat(value(scrapePrometheus(), "disclosuredesk_incidents_open")).isEqualTo(incidentsBefore + 1);
        engine.getRuntimeService().resolveIncident(incident.getId());
        assertThat(value(scrapePrometheus(), "disclosuredesk_incidents_open")).isEqualTo(incidentsBefore);

        // the engine's jobs by state
        assertThat(value(scrapePrometheus(), "disclosuredesk_jobs", "state", "failed"))
                .isEqualTo((double) engine.getManagementService().createJobQuery().noRetriesLeft().count());
    }

    /**
     * The engine reads an execution's variables by EXECUTION_ID_ with TASK_ID_ IS NULL. H2 plans a prepared statement
     * once, with the statistics of the moment, and keeps the plan (plan cache): planned on a young database it chose
     * the index on TASK_ID_ (nearly every row matches IS NULL) and scanned the whole table on every step, ever slower.
     */
    @Test
    void h2ReadsAnExecutionsVariablesThroughAnIndexOnTheExecution() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty(com.disclosuredesk.support.PostgresTestEnvironment.DATABASE_PROPERTY) == null,
                "H2's plan; PostgreSQL plans with the real statistics");
        String sql = "EXPLAIN SELECT RES.* FROM ACT_RU_VARIABLE RES LEFT JOIN ACT_RU_EXECUTION EXECUTION"
                + " ON RES.EXECUTION_ID_ = EXECUTION.ID_ WHERE EXECUTION_ID_ = ? AND TASK_ID_ is null";
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, "some-execution");
            try (var plan = statement.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                String variables = text.substring(text.indexOf("\"ACT_RU_VARIABLE\""));
                String index = variables.substring(variables.indexOf("/*"), variables.indexOf("*/"));
                assertThat(index).as(text).contains("EXECUTION_ID_ = ?1");
            }
        }
    }

    @Test
    void theJobExecutorRunsOneThreadPerTwoCores() {
        int expected = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(jobThreads.getCorePoolSize()).isEqualTo(expected);
        assertThat(jobThreads.getMaxPoolSize()).isEqualTo(expected);
    }

    @Test
    void theEngineInsertsThroughTheEntityManagerThatChecksIdsWithoutRenderingEntities() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getSessionFactories().get(org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.class))
                .isInstanceOf(com.disclosuredesk.engine.EntityIdCheckPlugin.Factory.class);
        Object opened = configuration.getCommandExecutorTxRequired().execute(context ->
                context.getSession(org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.class));
        assertThat(opened).isInstanceOf(com.disclosuredesk.engine.EntityIdCheckPlugin.EntityManager.class);
    }

    @Test
    void theEngineRunsWithTheSettingsOfApplicationYaml() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // full-lean under full's id: a database kept at full runs on (engine.LeanHistoryLevel)
        assertThat(configuration.getHistoryLevel()).isInstanceOf(com.disclosuredesk.engine.LeanHistoryLevel.class);
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full-lean");
        assertThat(configuration.getHistoryLevel().getId()).isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);
        // grants only: no query for REVOKE authorizations in the commands of signed-in users
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
    }

    @Test
    void historyCleanupRunsInTheNightlyWindowAndEndedOrdersGetTheirRemovalTime() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();

        // what an administrator sees over the engine REST API (Cockpit shows the same)
        JsonNode window = get("/engine-rest/history/cleanup/configuration", "admin").getBody();
        assertThat(window.get("enabled").asBoolean()).isTrue();
        assertThat(window.get("batchWindowStartTime").asText()).contains("T01:00:00");
        assertThat(window.get("batchWindowEndTime").asText()).contains("T05:00:00");

        // the cleanup job is scheduled inside the window (or now, when now is inside it)
        List<Job> cleanupJobs = history.findHistoryCleanupJobs();
        assertThat(cleanupJobs).isNotEmpty();
        for (Job job : cleanupJobs) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            LocalTime now = LocalTime.now();
            boolean nowInWindow = !now.isBefore(LocalTime.of(1, 0)) && now.isBefore(LocalTime.of(5, 0));
            assertThat(nowInWindow || (!due.isBefore(LocalTime.of(1, 0)) && due.isBefore(LocalTime.of(5, 0))))
                    .as("cleanup job due at %s", due).isTrue();
        }

        // an ended order's history is removable 730 days (the process's historyTimeToLive) after its end
        OrderFlow flow = new OrderFlow(http);
        // no non-disclosure order: the process ends after its user notification
        String trackingNumber = flow.submit(Orders.withNonDisclosureUntil(Orders.valid("AZ-CLEANUP-" + System.nanoTime()), null));
        flow.discloseAfterAnalysisAndApproval(trackingNumber);
        HistoricProcessInstance ended = awaitEnded(trackingNumber);
        assertThat(ended.getRemovalTime()).isNotNull();
        assertThat(Duration.between(ended.getEndTime().toInstant(), ended.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(730));
    }

    private HistoricProcessInstance awaitEnded(String trackingNumber) {
        return Polling.await("the process of " + trackingNumber + " ended", Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
                        .singleResult(), instance -> instance != null && instance.getEndTime() != null);
    }

    /** Orders by status in the table, read until two reads in a row agree (the job executor may move orders on). */
    private Map<String, Long> stableOrdersByStatus() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        AtomicReference<Map<String, Long>> previous = new AtomicReference<>();
        return Polling.await("orders by status to settle", Duration.ofSeconds(10), Duration.ofMillis(200))
                .until(() -> {
                    Map<String, Long> counts = new HashMap<>();
                    jdbc.query("SELECT status, COUNT(*) FROM dd_legal_order GROUP BY status",
                            (java.sql.ResultSet rs) -> { counts.put(rs.getString(1), rs.getLong(2)); });
                    return counts.equals(previous.getAndSet(counts)) ? counts : null;
                }, Objects::nonNull);
    }

    private String scrapePrometheus() {
        return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(scraper()), String.class)
                .getBody();
    }

    /** Prometheus signs in as the monitoring user and asks for the text format. */
    private static HttpHeaders scraper() {
        HttpHeaders headers = ApiRequests.signedIn("monitor");
        headers.setAccept(List.of(MediaType.TEXT_PLAIN));
        return headers;
    }

    /** The value of a sample in Prometheus text format, by name and (optionally) one label. */
    static double value(String metrics, String name, String... label) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            String labels = matcher.group(1) == null ? "" : matcher.group(1);
            if (label.length == 0 || labels.contains(label[0] + "=\"" + label[1] + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " " + String.join("=", label) + " in\n" + metrics);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(signedIn(user)), JsonNode.class);
    }

    private static HttpHeaders signedIn(String user) {
        return ApiRequests.signedIn(user);
    }
}
