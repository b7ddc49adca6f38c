package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.disclosuredesk.support.Polling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs orders through every ending (disclosed twice, returned then disclosed, rejected, withdrawn, clarified,
 * refused as invalid, a disclosure failure that becomes an incident), then looks for every disclosed IP
 * address and phone number in every engine table (runtime, history, byte arrays with job exception stack
 * traces), in the application log, and in every REST response except the authorized download. None may be found.
 * The log must still follow every order, by its tracking number.
 */
@DisclosureDeskHttpTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataLeakTest {

    @Autowired TestRestTemplate http;
    @Autowired DataSource dataSource;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    /** Every body the API answered, except the authorized downloads. */
    private final List<String> responses = new ArrayList<>();

    @Test
    void disclosedIpAddressesAndPhoneNumbersAppearNowhereButInTheDownload(CapturedOutput log) throws Exception {
        Set<String> secrets = new LinkedHashSet<>();

        // two disclosures with data, by username, account id and phone number (formatted as an authority might)
        String phoneOfDemo7 = phoneOf("@demo0007");
        String first = submit(Orders.valid("LEAK-1-" + System.nanoTime(), List.of(
                new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0003"),
                new OrderSubmission.TargetSpec(TargetType.PHONE, phoneOfDemo7))));
        secrets.add(phoneOfDemo7);
        analyse(first, "analyst", "DISCLOSE");
        approve(first, "APPROVE");
        String second = submit(Orders.valid("LEAK-2-" + System.nanoTime(), List.of(
                new OrderSubmission.TargetSpec(TargetType.ACCOUNT_ID, "100011"))));
        analyse(second, "analyst", "DISCLOSE");
        approve(second, "RETURN");
        analyse(second, "analyst2", "DISCLOSE");
        approve(second, "APPROVE");
        // rejected, withdrawn, clarified, invalid
        String rejected = submit(Orders.valid("LEAK-3-" + System.nanoTime()));
        analyse(rejected, "analyst", "REJECT");
        String withdrawn = submit(Orders.valid("LEAK-4-" + System.nanoTime()));
        awaitStatus(withdrawn, "IN_LEGAL_ANALYSIS");
        post("/api/orders/" + withdrawn + "/withdrawal", "{}", "police-de");
        String clarified = submit(Orders.withoutDigest(Orders.valid("LEAK-5-" + System.nanoTime())));
        awaitStatus(clarified, "NEEDS_CLARIFICATION");
        post("/api/orders/" + clarified + "/clarification", "{\"text\": \"Digest.\", \"corrections\": {\"documentSha256\": \""
                + Orders.DOCUMENT_SHA256 + "\"}}", "police-de");
        awaitStatus(clarified, "IN_LEGAL_ANALYSIS");
        String invalid = submit(Orders.withOffence(Orders.valid("LEAK-6-" + System.nanoTime()),
                com.disclosuredesk.order.Offence.POLITICAL_ACTIVITY));
        awaitStatus(invalid, "REJECTED");

        // a disclosure whose directory fails: retried, then an incident; repaired, it completes
        String failing = submit(Orders.valid("LEAK-7-" + System.nanoTime(), List.of(
                new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0009"))));
        analyse(failing, "analyst", "DISCLOSE");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("ALTER TABLE sub_ip_log RENAME TO sub_ip_log_unavailable");
        Incident incident;
        try {
            approve(failing, "APPROVE");
            incident = failUntilIncident(failing);
        } finally {
            jdbc.execute("ALTER TABLE sub_ip_log_unavailable RENAME TO sub_ip_log");
        }
        assertThat(incident.getIncidentMessage()).isNotBlank();
        management.setJobRetries(incident.getConfiguration(), 1);
        management.executeJob(incident.getConfiguration());

        for (String trackingNumber : List.of(first, second, failing)) {
            awaitStatus(trackingNumber, "DISCLOSED");
            secrets.addAll(disclosedValues(trackingNumber));
        }
        assertThat(secrets).as("the test must have disclosed data to look for").hasSizeGreaterThan(5);
        // what the engine REST API shows staff and admins
        responses.add(engineRest("/history/variable-instance?maxResults=10000", "admin"));
        responses.add(engineRest("/history/detail?maxResults=10000", "admin"));
        responses.add(engineRest("/history/incident", "admin"));
        responses.add(engineRest("/history/user-operation?maxResults=10000", "admin"));
        responses.add(engineRest("/history/job-log?maxResults=10000", "admin"));
        for (String trackingNumber : List.of(first, second, rejected, withdrawn, clarified, invalid, failing)) {
            responses.add(get("/api/orders/" + trackingNumber, "police-de").getBody());
            responses.add(get("/api/orders/" + trackingNumber + "/messages", "police-de").getBody());
        }

        Map<String, List<String>> found = new TreeMap<>();
        Map<String, String> engineTables = engineTablesAsText();
        for (String secret : searchForms(secrets)) {
            engineTables.forEach((table, text) -> {
                if (text.contains(secret)) {
                    found.computeIfAbsent("engine table " + table, k -> new ArrayList<>()).add(secret);
                }
            });
            if (log.getAll().contains(secret)) {
                found.computeIfAbsent("application log", k -> new ArrayList<>()).add(secret);
            }
            for (String response : responses) {
                if (response != null && response.contains(secret)) {
                    found.computeIfAbsent("REST response", k -> new ArrayList<>()).add(secret);
                }
            }
        }
        assertThat(engineTables).containsKeys("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY", "ACT_HI_INCIDENT",
                "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG");
        assertThat(found).as("disclosed values found outside the download").isEmpty();

        // the log follows each order by its tracking number in the logging context: the application's own lines
        // (each step of the timeline) and the lines of the steps the engine runs, asynchronous ones included
        String[] lines = log.getAll().split("\\R");
        for (String trackingNumber : List.of(first, second, rejected, withdrawn, clarified, invalid, failing)) {
            assertThat(linesOf(lines, trackingNumber)).as("log lines of " + trackingNumber)
                    .anyMatch(line -> line.endsWith("Order step RECEIVED"))
                    .anyMatch(line -> line.endsWith("Order step VALIDITY_CHECKED"));
        }
        for (String trackingNumber : List.of(first, second, failing)) {
            assertThat(linesOf(lines, trackingNumber)).as("log lines of " + trackingNumber)
                    .anyMatch(line -> line.endsWith("Order step ANALYSED"))
                    .anyMatch(line -> line.endsWith("Order step DISCLOSED"))
                    .anyMatch(line -> line.contains("DiscloseDataDelegate") && line.contains("disclosed:"));
        }
    }

    /** The log lines written with {@code trackingNumber} in the logging context (text format: "[LO-...] "). */
    private static List<String> linesOf(String[] lines, String trackingNumber) {
        return java.util.Arrays.stream(lines).filter(line -> line.contains("[" + trackingNumber + "] ")).toList();
    }

    /** Phone numbers are searched with and without their plus sign. */
    private static Set<String> searchForms(Set<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            forms.add(secret);
            if (secret.startsWith("+")) {
                forms.add(secret.substring(1));
            }
        }
        return forms;
    }

    private Map<String, String> engineTablesAsText() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case
            String pattern = connection.getMetaData().storesLowerCaseIdentifiers() ? "act_%" : "ACT_%";
            try (ResultSet rs = connection.getMetaData().getTables(null, null, pattern, new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + name)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            Object value = rows.getObject(c);
                            if (value instanceof byte[] bytes) {
                                text.append(new String(bytes, StandardCharsets.UTF_8)).append('|')
                                        .append(new String(bytes, StandardCharsets.ISO_8859_1)).append('|');
                            } else if (value instanceof java.sql.Blob blob) {
                                byte[] bytes = blob.getBytes(1, (int) blob.length());
                                text.append(new String(bytes, StandardCharsets.UTF_8)).append('|');
                            } else if (value instanceof java.sql.Clob clob) {
                                text.append(clob.getSubString(1, (int) clob.length())).append('|');
                            } else {
                                text.append(value).append('|');
                            }
                        }
                        text.append('\n');
                    }
                }
                tables.put(name.toUpperCase(java.util.Locale.ROOT), text.toString());
            }
        }
        return tables;
    }

    private Incident failUntilIncident(String trackingNumber) {
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult().getId();
        return Polling.await("an incident for " + trackingNumber, Duration.ofSeconds(60), Duration.ofMillis(100))
                .until(() -> {
                    Incident incident = runtime.createIncidentQuery().processInstanceId(pi).singleResult();
                    if (incident == null) {
                        Job job = management.createJobQuery().processInstanceId(pi).singleResult();
                        if (job != null && job.getExceptionMessage() != null) {
                            try {
                                management.executeJob(job.getId());
                            } catch (RuntimeException expected) {
                                // the directory is unavailable: the job fails and its retries go down
                            }
                        }
                    }
                    return incident;
                }, Objects::nonNull);
    }

    private Set<String> disclosedValues(String trackingNumber) throws Exception {
        ResponseEntity<byte[]> download = http.exchange("/api/orders/" + trackingNumber + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(auth("police-de")), byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        JsonNode pack = json.readTree(download.getBody());
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode target : pack.get("targets")) {
            if (target.hasNonNull("phoneNumber")) {
                values.add(target.get("phoneNumber").asText());
            }
            if (target.has("ipAddresses")) {
                target.get("ipAddresses").forEach(ip -> values.add(ip.get("ip").asText()));
            }
        }
        return values;
    }

    private String phoneOf(String username) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT phone_e164 FROM sub_account WHERE username = ?",
                String.class, username);
    }

    // --- driving the orders ----------------------------------------------------------------------

    private String submit(OrderSubmission order) throws Exception {
        ResponseEntity<String> created = post("/api/orders", json.writeValueAsString(order), "police-de");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json.readTree(created.getBody()).get("trackingNumber").asText();
    }

    private void analyse(String trackingNumber, String analyst, String decision) throws Exception {
        awaitStatus(trackingNumber, "IN_LEGAL_ANALYSIS");
        String task = singleTask(trackingNumber, analyst);
        engineRestPost("/task/" + task + "/claim", "{\"userId\":\"" + analyst + "\"}", analyst);
        String categories = decision.equals("DISCLOSE")
                ? ", \"approvedCategories\": {\"value\": \"[\\\"IP_ADDRESS\\\",\\\"PHONE_NUMBER\\\"]\", \"type\": \"Json\"}" : "";
        engineRestPost("/task/" + task + "/complete", "{\"variables\": {\"analysisDecision\": {\"value\": \"" + decision
                + "\"}, \"legalReasoning\": {\"value\": \"Court order, suspect named, offence violates the ToS.\"}"
                + categories + "}}", analyst);
    }

    private void approve(String trackingNumber, String decision) throws Exception {
        awaitStatus(trackingNumber, "AWAITING_APPROVAL");
        String task = singleTask(trackingNumber, "approver");
        engineRestPost("/task/" + task + "/claim", "{\"userId\":\"approver\"}", "approver");
        String comment = decision.equals("APPROVE") ? "" : ", \"approvalComment\": {\"value\": \"Limit to what is needed.\"}";
        engineRestPost("/task/" + task + "/complete", "{\"variables\": {\"approvalDecision\": {\"value\": \"" + decision
                + "\"}" + comment + "}}", "approver");
    }

    private String singleTask(String trackingNumber, String user) throws Exception {
        JsonNode tasks = json.readTree(engineRest("/task?processInstanceBusinessKey=" + trackingNumber, user));
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void awaitStatus(String trackingNumber, String status) throws Exception {
        await(trackingNumber, s -> status.equals(s.get("status").asText()), status);
    }

    private void await(String trackingNumber, Predicate<JsonNode> done, String what) throws Exception {
        ApiRequests.awaitOrder(n -> {
            try {
                return json.readTree(get("/api/orders/" + n, "police-de").getBody());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, trackingNumber, done, what);
    }

    private ResponseEntity<String> post(String path, String body, String user) {
        HttpHeaders headers = auth(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        responses.add(response.getBody());
        return response;
    }

    private ResponseEntity<String> get(String path, String user) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), String.class);
        responses.add(response.getBody());
        return response;
    }

    private String engineRest(String path, String user) {
        return get("/engine-rest" + path, user).getBody();
    }

    private void engineRestPost(String path, String body, String user) {
        ResponseEntity<String> response = post("/engine-rest" + path, body, user);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + ": " + response.getBody()).isTrue();
    }

    private static HttpHeaders auth(String user) {
        return ApiRequests.signedIn(user);
    }
}
