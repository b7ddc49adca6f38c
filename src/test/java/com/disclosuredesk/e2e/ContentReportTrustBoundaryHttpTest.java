package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trust boundary holds for part two as for legal orders (docs/security.md): a table of attacks on a content-report
 * case waiting for its review, by moderators, an administrator, a gateway and legal staff, with valid sign-ins, on
 * {@code /engine-rest}. Each is refused and nothing changes: the case, its decisions, the platform's actions, the
 * messages, the instance's variables, activities and tasks. Then four eyes on complaints: the moderator who decided
 * cannot claim or complete the complaint about their own decision; another moderator can.
 */
@DisclosureDeskHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentReportTrustBoundaryHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private JdbcClient jdbc;

    /** The case under attack: waiting at Task_ReviewContent, claimed by moderator. */
    private String caseNumber;

    @BeforeAll
    void caseUnderAttack() {
        jdbc = JdbcClient.create(dataSource);
        caseNumber = submitNotice("trust_" + System.nanoTime() % 1_000_000_000L).get("caseNumber").asText();
        String review = awaitTask(caseNumber, "Task_ReviewContent");
        assertThat(engine(HttpMethod.POST, "/task/" + review + "/claim", "{\"userId\": \"moderator\"}", "moderator")
                .getStatusCode().value()).isEqualTo(204);
    }

    record Attack(String name, String user, Set<Integer> refusedWith, String mentions,
                  Function<ContentReportTrustBoundaryHttpTest, ResponseEntity<String>> send) {
        @Override
        public String toString() {
            return user + ": " + name;
        }
    }

    static Stream<Attack> attacks() {
        List<Attack> attacks = new ArrayList<>();
        Set<Integer> badRequest = Set.of(400);
        Set<Integer> refused = Set.of(400, 403, 404);
        String decide = "\"moderationDecision\": {\"value\": \"REMOVE\"}, \"decisionGround\": {\"value\": \"ILLEGAL_CONTENT\"}, "
                + "\"groundReference\": {\"value\": \"StGB 111\"}, \"decisionExplanation\": {\"value\": \"A public call to commit a crime.\"}, "
                + "\"threatToLife\": {\"value\": false}";
        attacks.add(new Attack("decide naming someone else as the decider", "moderator", badRequest, "decidedBy",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task() + "/complete",
                        "{\"variables\": {" + decide + ", \"decidedBy\": {\"value\": \"moderator2\"}}}", "moderator")));
        attacks.add(new Attack("decide about another case", "moderator", badRequest, "caseNumber",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task() + "/complete",
                        "{\"variables\": {" + decide + ", \"caseNumber\": {\"value\": \"CR-2026-999999\"}}}", "moderator")));
        attacks.add(new Attack("decide with a decision not in the list", "moderator", badRequest, "moderationDecision",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task() + "/complete",
                        "{\"variables\": {\"moderationDecision\": {\"value\": \"BAN_EVERYONE\"}}}", "moderator")));
        attacks.add(new Attack("write the decision as a variable of the task", "moderator", badRequest, "decisionId",
                t -> t.engine(HttpMethod.PUT, "/task/" + t.task() + "/variables/decisionId", "{\"value\": 1, \"type\": \"Long\"}", "moderator")));
        attacks.add(new Attack("write a variable of the case", "moderator", refused, null,
                t -> t.engine(HttpMethod.PUT, "/process-instance/" + t.instance() + "/variables/moderationDecision",
                        "{\"value\": \"NO_ACTION\"}", "moderator")));
        attacks.add(new Attack("start a case through the engine", "moderator", refused, null,
                t -> t.engine(HttpMethod.POST, "/process-definition/key/content-report/start", "{}", "moderator")));
        attacks.add(new Attack("start a case through the engine", "admin", badRequest, "started by the application",
                t -> t.engine(HttpMethod.POST, "/process-definition/key/content-report/start",
                        "{\"businessKey\": \"CR-2026-999998\"}", "admin")));
        attacks.add(new Attack("start a misuse review through the engine", "admin", badRequest, "started by the application",
                t -> t.engine(HttpMethod.POST, "/process-definition/key/misuse-review/start", "{}", "admin")));
        attacks.add(new Attack("send the case a complaint through the engine", "admin", refused, "ComplaintReceived",
                t -> t.engine(HttpMethod.POST, "/message", "{\"messageName\": \"ComplaintReceived\", \"businessKey\": \""
                        + t.caseNumber + "\", \"processVariables\": {\"complaintId\": {\"value\": 1, \"type\": \"Long\"}}}", "admin")));
        attacks.add(new Attack("write a variable of the case", "admin", badRequest, "moderationDecision",
                t -> t.engine(HttpMethod.POST, "/process-instance/" + t.instance() + "/variables",
                        "{\"modifications\": {\"moderationDecision\": {\"value\": \"NO_ACTION\"}}}", "admin")));
        attacks.add(new Attack("move the case past its review with variables", "admin", badRequest, "moderationDecision",
                t -> t.engine(HttpMethod.POST, "/process-instance/" + t.instance() + "/modification", """
                        {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_ApplyDecision",
                          "variables": {"moderationDecision": {"value": "REMOVE"}}}]}""", "admin")));
        attacks.add(new Attack("complete the review as a gateway", "report-bot", refused, null,
                t -> t.engine(HttpMethod.POST, "/task/" + t.task() + "/complete", "{\"variables\": {" + decide + "}}", "report-bot")));
        attacks.add(new Attack("complete the review as legal staff", "analyst", refused, null,
                t -> t.engine(HttpMethod.POST, "/task/" + t.task() + "/complete", "{\"variables\": {" + decide + "}}", "analyst")));
        attacks.add(new Attack("submit a notice", "moderator", Set.of(403), null,
                t -> t.api(HttpMethod.POST, "/api/content-reports", notice("trust_other_" + System.nanoTime() % 1_000_000L, "m-1"), "moderator")));
        attacks.add(new Attack("read the gateways' messages", "analyst", Set.of(403), null,
                t -> t.api(HttpMethod.GET, "/api/content-reports/messages?after=0", null, "analyst")));
        return attacks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefusedAndChangesNothing(Attack attack) {
        Map<String, Object> before = snapshot();

        ResponseEntity<String> answer = attack.send().apply(this);

        assertThat(answer.getStatusCode().value()).as("%s answered %s", attack, answer.getBody()).isIn(attack.refusedWith());
        if (attack.mentions() != null) {
            assertThat(answer.getBody()).as("the refusal names what it refuses").contains(attack.mentions());
        }
        assertThat(snapshot()).as("nothing changed after: %s", attack).isEqualTo(before);
    }

    @Test
    void aComplaintGoesToAnotherModeratorThanTheOneWhoDecided() {
        JsonNode receipt = submitNotice("eyes_" + System.nanoTime() % 1_000_000_000L);
        String decided = receipt.get("caseNumber").asText();
        String review = awaitTask(decided, "Task_ReviewContent");
        ResponseEntity<String> done = engine(HttpMethod.POST, "/task/" + review + "/complete", """
                {"variables": {"moderationDecision": {"value": "NO_ACTION"},
                  "decisionExplanation": {"value": "The post reports news; it calls for nothing."},
                  "threatToLife": {"value": false}}}""", "moderator");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DECIDED".equals(status(decided)));

        ResponseEntity<String> complaint = api(HttpMethod.POST, "/api/content-reports/" + decided + "/complaints",
                "{\"by\": \"NOTIFIER\", \"noticeId\": " + receipt.get("noticeId").asLong()
                        + ", \"text\": \"The post names a date and a place for an attack.\"}", "report-bot");
        assertThat(complaint.getStatusCode().value()).as(complaint.getBody()).isBetween(200, 202);
        String task = awaitTask(decided, "Task_ReviewComplaint");

        ResponseEntity<String> claim = engine(HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\": \"moderator\"}", "moderator");
        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(400);
        ResponseEntity<String> own = engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"complaintDecision": {"value": "UPHOLD"},
                  "complaintReasoning": {"value": "My own decision was right, I say so myself."}}}""", "moderator");
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task).count()).as("the complaint is still open").isEqualTo(1);

        ResponseEntity<String> other = engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"complaintDecision": {"value": "UPHOLD"},
                  "complaintReasoning": {"value": "The post reports news; no call to violence is in it."}}}""", "moderator2");
        assertThat(other.getStatusCode().value()).as(other.getBody()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT status || '/' || decided_by FROM cr_complaint WHERE case_number = ?").param(decided)
                .query(String.class).single()).isEqualTo("UPHELD/moderator2");
    }

    // --- what must not change ------------------------------------------------------------------------------------

    private Map<String, Object> snapshot() {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("case", jdbc.sql("SELECT status || '/' || notice_count || '/' || COALESCE(CAST(decision_id AS VARCHAR(20)), '-') FROM cr_case WHERE case_number = ?")
                .param(caseNumber).query(String.class).single());
        state.put("decisions", jdbc.sql("SELECT COUNT(*) FROM cr_decision").query(Long.class).single());
        state.put("actions", jdbc.sql("SELECT COUNT(*) FROM pc_action").query(Long.class).single());
        state.put("complaints", jdbc.sql("SELECT COUNT(*) FROM cr_complaint").query(Long.class).single());
        state.put("cases", runtime.createProcessInstanceQuery().processDefinitionKey("content-report").count());
        state.put("misuse reviews", runtime.createProcessInstanceQuery().processDefinitionKey("misuse-review").count());
        String instance = instance();
        state.put("variables", String.valueOf(new java.util.TreeMap<>(runtime.getVariables(instance))));
        state.put("activities", String.valueOf(runtime.getActiveActivityIds(instance)));
        state.put("tasks", tasks.createTaskQuery().processInstanceId(instance).list().stream()
                .map(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee() + ":" + t.getPriority()).sorted().toList());
        return state;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static String notice(String channel, String externalId) {
        return """
                {"externalId": "%s", "subject": {"type": "MESSAGE", "reference": "https://t.me/%s/4711"},
                 "category": "RISK_FOR_PUBLIC_SECURITY", "specification": "TERRORIST_CONTENT",
                 "explanation": "The post calls for an attack on a named place and date.", "country": "DE",
                 "notifier": {"id": "u-%s", "name": "A. Reporter", "email": "reporter@mail.example"}, "goodFaith": true,
                 "evidence": {"text": "the reported post as the user saw it", "mediaSha256": null}}
                """.formatted(externalId, channel, externalId);
    }

    private JsonNode submitNotice(String channel) {
        ResponseEntity<String> answer = api(HttpMethod.POST, "/api/content-reports", notice(channel, "bot-" + channel), "report-bot");
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return read(answer);
    }

    private String status(String caseNumber) {
        return jdbc.sql("SELECT status FROM cr_case WHERE case_number = ?").param(caseNumber).query(String.class).single();
    }

    private String awaitTask(String caseNumber, String taskKey) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count() == 1);
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult().getId();
    }

    String instance() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    String task() {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_ReviewContent")
                .singleResult().getId();
    }

    ResponseEntity<String> engine(HttpMethod method, String path, String body, String user) {
        return api(method, "/engine-rest" + path, body, user);
    }

    ResponseEntity<String> api(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
