package com.disclosuredesk.dsa;

import static com.disclosuredesk.common.SqlTimes.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.moderation.ModerationDecisions;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.moderation.Subject;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Polling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statement-of-reasons export end to end, over HTTP as the gateways, the moderators and the exporter use it: two
 * notices (one from a trusted flagger) start a case, a moderator removes the content, the uploader complains and a
 * second moderator reverses the decision. Each decision queues one statement, valid against the schema, which the
 * feed {@code GET /api/content-reports/statements} serves; no name, email, notifier id, notice or complaint text, or
 * channel name reaches any statement or the feed. A statement that breaks the schema fails its step into an incident
 * and queues nothing. Who may read the feed.
 */
@DisclosureDeskHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementExportHttpTest {

    private static final String MODERATOR_EXPLANATION = "The post calls for an attack on a named place and date.";
    private static final String REVERSAL_REASONING = "Reviewed again: the post quotes the call in order to report on it.";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CaseRepository cases;
    @Autowired ModerationDecisions decisions;
    @Autowired StatementQueue queue;
    @Autowired StatementSchema schema;
    @Autowired NoticeSeal seal;
    @Autowired Sequences sequences;

    private final ObjectMapper json = new ObjectMapper();
    private final String unique = Long.toString(System.nanoTime() % 100_000_000L);
    /** The personal data the notices and the complaint bring, none of which may be exported. */
    private List<String> personal;
    private String channel;
    private String caseNumber;

    @BeforeAll
    void aCaseRemovedThenReversed() {
        channel = "zq_private_" + unique;
        String reference = "https://t.me/" + channel + "/4711";
        Long owner = jdbc.sql("SELECT MIN(id) FROM sub_account").query(Long.class).single();
        jdbc.sql("INSERT INTO pc_content (subject_key, owner_account_id, content_type, state, created_at) VALUES (?, ?, ?, 'VISIBLE', ?)")
                .params(Subject.of("MESSAGE", reference).key(), owner, "CONTENT_TYPE_VIDEO",
                        utc(Instant.parse("2026-11-01T10:00:00Z"))).update();
        personal = List.of("Zelda Quixotebright", "zelda.quixotebright@mail.example", "u-zq-" + unique,
                "Zelda saw this on her commute " + unique, "Zelda's screenshot note " + unique,
                "Yorick Flagwell", "yorick.flagwell@ngo.example", "f-yf-" + unique, "Yorick's report " + unique,
                "Quixotebright objects " + unique, channel);

        ResponseEntity<JsonNode> first = post("/api/content-reports", "report-bot", notice("zq-" + unique, reference,
                "u-zq-" + unique, "Zelda Quixotebright", "zelda.quixotebright@mail.example",
                "Zelda saw this on her commute " + unique, "Zelda's screenshot note " + unique));
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
        caseNumber = first.getBody().get("caseNumber").asText();
        ResponseEntity<JsonNode> second = post("/api/content-reports", "flagger-ngo", notice("yf-" + unique, reference,
                "f-yf-" + unique, "Yorick Flagwell", "yorick.flagwell@ngo.example", "Yorick's report " + unique, null));
        assertThat(second.getStatusCode().is2xxSuccessful()).as(String.valueOf(second.getBody())).isTrue();
        assertThat(second.getBody().get("caseNumber").asText()).isEqualTo(caseNumber);

        String review = awaitTask(ContentReportProcess.TASK_REVIEW_CONTENT);
        assertThat(engine("/task/" + review + "/claim", "{\"userId\": \"moderator\"}", "moderator").getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> reviewed = engine("/task/" + review + "/complete", """
                {"variables": {"moderationDecision": {"value": "REMOVE"}, "decisionGround": {"value": "ILLEGAL_CONTENT"},
                  "groundReference": {"value": "§ 129a StGB"}, "decisionExplanation": {"value": "%s"},
                  "threatToLife": {"value": false}}}""".formatted(MODERATOR_EXPLANATION), "moderator");
        assertThat(reviewed.getStatusCode().value()).as(reviewed.getBody()).isEqualTo(204);
        awaitStatements(caseNumber, 1);

        ObjectNode complaint = json.createObjectNode().put("by", "UPLOADER").put("text", "Quixotebright objects " + unique);
        ResponseEntity<JsonNode> complained = post("/api/content-reports/" + caseNumber + "/complaints", "report-bot", complaint);
        assertThat(complained.getStatusCode().is2xxSuccessful()).as(String.valueOf(complained.getBody())).isTrue();
        String complaintTask = awaitTask(ContentReportProcess.TASK_REVIEW_COMPLAINT);
        assertThat(engine("/task/" + complaintTask + "/claim", "{\"userId\": \"moderator2\"}", "moderator2").getStatusCode().value())
                .isEqualTo(204);
        ResponseEntity<String> reversed = engine("/task/" + complaintTask + "/complete", """
                {"variables": {"complaintDecision": {"value": "REVERSE"}, "complaintReasoning": {"value": "%s"}}}"""
                .formatted(REVERSAL_REASONING), "moderator2");
        assertThat(reversed.getStatusCode().value()).as(reversed.getBody()).isEqualTo(204);
        awaitStatements(caseNumber, 2);
    }

    @Test
    void eachDecisionAndTheReversalAreInTheFeedValidAndInOrder() {
        List<JsonNode> ofCase = feed("dsa-exporter").stream().filter(s -> caseNumber.equals(s.path("caseNumber").asText())).toList();
        assertThat(ofCase).hasSize(2);
        List<ModerationDecisions.Decision> made = decisions.ofCase(caseNumber);
        ModerationDecisions.Decision removal = made.stream().filter(d -> d.kind() == ModerationDecisions.Kind.REVIEW).findFirst().orElseThrow();
        ModerationDecisions.Decision reversal = made.stream().filter(d -> d.kind() == ModerationDecisions.Kind.REVERSAL).findFirst().orElseThrow();

        JsonNode first = ofCase.get(0);
        assertThat(first.path("id").asLong()).isLessThan(ofCase.get(1).path("id").asLong());
        assertThat(first.path("state").asText()).isEqualTo("QUEUED");
        assertThat(first.path("decisionId").asLong()).isEqualTo(removal.id());
        JsonNode removed = first.path("statement");
        assertThat(removed.isObject()).isTrue();
        assertThat(schema.violations(removed)).isEmpty();
        assertThat(first.path("puid").asText()).isEqualTo(removed.path("puid").asText()).isEqualTo(caseNumber + "-" + removal.id());
        assertThat(removed.path("decision_visibility").get(0).asText()).isEqualTo("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(removed.path("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(removed.path("illegal_content_legal_ground").asText()).isEqualTo("§ 129a StGB");
        assertThat(removed.path("illegal_content_explanation").asText()).isEqualTo(MODERATOR_EXPLANATION);
        assertThat(removed.path("source_type").asText()).as("one notice came from a trusted flagger").isEqualTo("SOURCE_TRUSTED_FLAGGER");
        assertThat(removed.path("category").asText()).isEqualTo("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY");
        assertThat(removed.path("category_specification").get(0).asText()).isEqualTo("KEYWORD_TERRORIST_CONTENT");
        assertThat(removed.path("content_type").get(0).asText()).isEqualTo("CONTENT_TYPE_VIDEO");
        assertThat(removed.path("content_date").asText()).isEqualTo("2026-11-01");

        JsonNode second = ofCase.get(1);
        assertThat(second.path("decisionId").asLong()).isEqualTo(reversal.id());
        JsonNode lifted = second.path("statement");
        assertThat(schema.violations(lifted)).isEmpty();
        assertThat(lifted.path("puid").asText()).isEqualTo(caseNumber + "-" + reversal.id());
        assertThat(lifted.path("decision_visibility").get(0).asText()).isEqualTo("DECISION_VISIBILITY_OTHER");
        assertThat(lifted.path("decision_visibility_other").asText()).contains(caseNumber + "-" + removal.id());
        assertThat(lifted.path("illegal_content_explanation").asText()).isEqualTo(REVERSAL_REASONING);
    }

    @Test
    void noPersonalDataInAnyStatementOrInTheFeed() {
        List<String> rows = jdbc.sql("SELECT puid || ' ' || case_number || ' ' || statement || ' ' || COALESCE(last_answer, '') FROM cr_statement")
                .query(String.class).list();
        assertThat(rows).isNotEmpty();
        String feed = feed("admin").toString();
        assertThat(feed).contains(caseNumber);
        for (String value : personal) {
            assertThat(rows).as("cr_statement rows contain %s", value).noneMatch(r -> r.contains(value));
            assertThat(feed).as("the feed contains %s", value).doesNotContain(value);
        }
        // the notices did bring that data in: it is sealed in cr_notice, not lost nor exported
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_notice WHERE case_number = ?").param(caseNumber).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aRetriedStepQueuesNothingTwice() {
        long removal = decisions.ofCase(caseNumber).get(0).id();
        queue.queue(caseNumber, removal);
        queue.queue(caseNumber, cases.get(caseNumber).decisionId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_statement WHERE case_number = ?").param(caseNumber).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aDecisionToTakeNoActionQueuesNone() {
        String noAction = newCase("VIOLENCE", null);
        ModerationDecisions.Decision d = decisions.record(noAction, ModerationDecisions.Kind.REVIEW, "NO_ACTION", null, null,
                "", false, "moderator", null, null);
        assertThat(queue.statement(noAction, d.id())).isEmpty();
        queue.queue(noAction, d.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_statement WHERE case_number = ?").param(noAction).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aStatementThatBreaksTheSchemaFailsItsStepIntoAnIncidentAndQueuesNothing() {
        // DANGEROUS_TOYS: a keyword of the schema before 1 July 2025, which the Database no longer takes
        String broken = newCase("UNSAFE_AND_PROHIBITED_PRODUCTS", "DANGEROUS_TOYS");
        runtime.createProcessInstanceByKey(ContentReportProcess.PROCESS_KEY).businessKey(broken)
                .setVariables(Map.of(ContentReportVariables.CASE_NUMBER, broken, ContentReportVariables.CATEGORY,
                        "UNSAFE_AND_PROHIBITED_PRODUCTS", ContentReportVariables.NOTICE_COUNT, 1,
                        ContentReportVariables.TRUSTED_NOTICE_COUNT, 0))
                .execute();
        cases.bind(broken, runtime.createProcessInstanceQuery().processInstanceBusinessKey(broken).singleResult().getId());
        String review = awaitTask(broken, ContentReportProcess.TASK_REVIEW_CONTENT);
        engine("/task/" + review + "/claim", "{\"userId\": \"moderator\"}", "moderator");
        String explanation = "Moderator's explanation " + unique + ": the toy's magnets can be swallowed.";
        ResponseEntity<String> reviewed = engine("/task/" + review + "/complete", """
                {"variables": {"moderationDecision": {"value": "REMOVE"}, "decisionGround": {"value": "INCOMPATIBLE_CONTENT"},
                  "groundReference": {"value": "Terms of Service 7.1"}, "decisionExplanation": {"value": "%s"},
                  "threatToLife": {"value": false}}}""".formatted(explanation), "moderator");
        assertThat(reviewed.getStatusCode().value()).as(reviewed.getBody()).isEqualTo(204);

        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(broken).singleResult().getId();
        Polling.await("the apply step of " + broken + " fails", Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(() -> {
                    Job job = management.createJobQuery().processInstanceId(pi).singleResult();
                    return job != null && job.getExceptionMessage() != null;
                });
        Job failed = management.createJobQuery().processInstanceId(pi).singleResult();
        assertThat(failed.getExceptionMessage()).contains("breaks the DSA Transparency Database schema")
                .contains("category_specification[0]: enum").doesNotContain(explanation).doesNotContain("Terms of Service 7.1");
        // the remaining retries, at once instead of after the back-off: then an incident
        for (int i = 0; i < 5 && management.createJobQuery().jobId(failed.getId()).singleResult().getRetries() > 0; i++) {
            assertThatThrownBy(() -> management.executeJob(failed.getId())).isInstanceOf(RuntimeException.class);
        }
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pi).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentMessage()).contains("category_specification[0]: enum").doesNotContain(explanation);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_statement WHERE case_number = ?").param(broken).query(Integer.class).single())
                .as("nothing queued").isZero();
        assertThat(cases.get(broken).status()).as("the decision is not in force without its statement").isNotEqualTo(CaseStatus.DECIDED);
    }

    @Test
    void onlyAdministratorsAndTransparencyExportersReadTheFeed() {
        assertThat(get("/api/content-reports/statements", "dsa-exporter").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/content-reports/statements", "admin").getStatusCode().value()).isEqualTo(200);
        for (String other : List.of("moderator", "report-bot", "flagger-ngo", "analyst")) {
            assertThat(get("/api/content-reports/statements", other).getStatusCode().value()).as(other).isEqualTo(403);
        }
        ResponseEntity<String> anonymous = http.exchange("/api/content-reports/statements", HttpMethod.GET,
                new HttpEntity<>(new HttpHeaders()), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        // the case itself is still the case's path
        assertThat(get("/api/content-reports/" + caseNumber, "moderator").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void badCursorOrLimitIsAProblemNamingTheField() {
        ResponseEntity<JsonNode> bad = get("/api/content-reports/statements?after=-1&limit=abc", "dsa-exporter");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        bad.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("after", "limit");
        assertThat(get("/api/content-reports/statements?limit=1001", "dsa-exporter").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/content-reports/statements?limit=0", "dsa-exporter").getStatusCode().value()).isEqualTo(400);

        JsonNode page = get("/api/content-reports/statements?after=0&limit=1", "dsa-exporter").getBody();
        assertThat(page.path("statements")).hasSize(1);
        long next = page.path("next").asLong();
        assertThat(next).isEqualTo(page.path("statements").get(0).path("id").asLong());
        JsonNode after = get("/api/content-reports/statements?after=" + next + "&limit=1", "dsa-exporter").getBody();
        assertThat(after.path("statements").get(0).path("id").asLong()).isGreaterThan(next);
        JsonNode end = get("/api/content-reports/statements?after=" + Long.MAX_VALUE, "dsa-exporter").getBody();
        assertThat(end.path("statements")).isEmpty();
        assertThat(end.path("next").asLong()).isEqualTo(Long.MAX_VALUE);
    }

    // ---- helpers

    private ObjectNode notice(String externalId, String reference, String notifierId, String name, String email,
                              String explanation, String evidence) {
        ObjectNode n = json.createObjectNode();
        n.put("externalId", externalId);
        n.putObject("subject").put("type", "MESSAGE").put("reference", reference);
        n.put("category", "RISK_FOR_PUBLIC_SECURITY");
        n.put("specification", "TERRORIST_CONTENT");
        n.put("explanation", explanation);
        n.put("country", "DE");
        n.putObject("notifier").put("id", notifierId).put("name", name).put("email", email);
        n.put("goodFaith", true);
        if (evidence != null) {
            n.putObject("evidence").put("text", evidence).putNull("mediaSha256");
        }
        return n;
    }

    /** A case with one notice, as intake writes it, without its process (the test starts it if it needs it). */
    private String newCase(String category, String specification) {
        Subject subject = Subject.of("MESSAGE", "https://t.me/ddsx_" + System.nanoTime() % 100_000_000 + "/1");
        String number = cases.nextCaseNumber();
        cases.insert(number, subject.key(), "MESSAGE", subject.reference(), category, specification, "DE", false);
        long notice = sequences.next("cr_notice_seq");
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key, category,
                    specification, country, notifier_ref, anonymous, explanation_sealed, submission_sha256, received_at, disposition)
                VALUES (?, 'report-bot', ?, 'SOURCE_ARTICLE_16', ?, 'MESSAGE', ?, ?, ?, 'DE', 'u-1', FALSE, ?, ?, ?, 'STARTED')
                """).params(notice, "ext-" + notice, number, subject.key(), category, specification,
                        seal.seal(NoticeSeal.Field.EXPLANATION, notice, "A notice."), "d".repeat(64), utc(Instant.now())).update();
        return number;
    }

    private List<JsonNode> feed(String user) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            ResponseEntity<JsonNode> page = get("/api/content-reports/statements?after=" + after + "&limit=1000", user);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            JsonNode statements = page.getBody().path("statements");
            statements.forEach(all::add);
            if (statements.isEmpty()) {
                return all;
            }
            after = page.getBody().path("next").asLong();
        }
    }

    private void awaitStatements(String number, int count) {
        Polling.await(count + " statements of " + number, Duration.ofSeconds(60), Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM cr_statement WHERE case_number = ?").param(number)
                        .query(Integer.class).single() == count);
    }

    private String awaitTask(String taskKey) {
        return awaitTask(caseNumber, taskKey);
    }

    private String awaitTask(String number, String taskKey) {
        Polling.await(taskKey + " of " + number, Duration.ofSeconds(60), Duration.ofMillis(100))
                .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).count() == 1);
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult().getId();
    }

    private ResponseEntity<JsonNode> post(String path, String user, Object body) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(ApiRequests.signedIn(user)), JsonNode.class);
    }

    private ResponseEntity<String> engine(String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
