package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Polling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * Staff do their own step and nothing else, on content-report, through {@code /engine-rest} with valid sign-ins: a
 * moderator completing the review with a variable that is not an output (the decider) gets 400 and nothing changes; the
 * moderator who took a decision can neither claim nor complete the complaint about it (400, four eyes); legal analysts
 * and the reporting gateway neither see nor complete moderation tasks. Cases are made as intake makes them and started
 * from test code; the complaint case starts at its complaint review (the application's own call, no one signed in).
 */
@DisclosureDeskHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationTrustBoundaryHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CaseRepository cases;
    @Autowired ModerationDecisions decisions;
    @Autowired NoticeSeal seal;
    @Autowired Sequences sequences;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private final ObjectMapper json = new ObjectMapper();
    private String reviewCase;
    private String complaintCase;
    private long complaintId;

    @BeforeAll
    void casesUnderAttack() {
        reviewCase = newCase("https://t.me/ddtr_" + System.nanoTime() % 100_000_000 + "/1");
        runtime.createProcessInstanceByKey(ContentReportProcess.PROCESS_KEY).businessKey(reviewCase)
                .setVariables(Map.of(ContentReportVariables.CASE_NUMBER, reviewCase, ContentReportVariables.CATEGORY, "SCAMS_AND_FRAUD",
                        ContentReportVariables.NOTICE_COUNT, 1, ContentReportVariables.TRUSTED_NOTICE_COUNT, 0))
                .execute();
        Polling.await("review task of " + reviewCase, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reviewCase).count() == 1);

        // a case decided by "moderator" with a complaint under review
        complaintCase = newCase("https://t.me/ddtc_" + System.nanoTime() % 100_000_000 + "/1");
        ModerationDecisions.Decision decision = decisions.record(complaintCase, ModerationDecisions.Kind.REVIEW, "REMOVE",
                "ILLEGAL_CONTENT", "§ 263 StGB", "The post is a phishing page for a bank's customers.", false, "moderator", null, null);
        cases.decided(complaintCase, decision.id(), clock.instant());
        complaintId = sequences.next("cr_complaint_seq");
        jdbc.sql("""
                INSERT INTO cr_complaint (id, case_number, complainant, decision_id, gateway, text_sealed, received_at, status)
                VALUES (?, ?, 'UPLOADER', ?, 'report-bot', ?, ?, 'IN_REVIEW')
                """).params(complaintId, complaintCase, decision.id(), seal.seal(NoticeSeal.Field.COMPLAINT_TEXT, complaintId, "Not phishing."),
                        utc(clock.instant())).update();
        runtime.createProcessInstanceByKey(ContentReportProcess.PROCESS_KEY).businessKey(complaintCase)
                .startBeforeActivity(ContentReportProcess.TASK_REVIEW_COMPLAINT)
                .setVariables(Map.of(ContentReportVariables.CASE_NUMBER, complaintCase, ContentReportVariables.COMPLAINT_ID, complaintId,
                        ContentReportVariables.DECISION_ID, decision.id(), ContentReportVariables.PRIORITY, 60))
                .execute();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(complaintCase).count()).isEqualTo(1);
    }

    private String newCase(String reference) {
        Subject subject = Subject.of("MESSAGE", reference);
        String caseNumber = cases.nextCaseNumber();
        cases.insert(caseNumber, subject.key(), "MESSAGE", subject.reference(), "SCAMS_AND_FRAUD", null, "DE", false);
        long notice = sequences.next("cr_notice_seq");
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key, category,
                    country, notifier_ref, anonymous, explanation_sealed, submission_sha256, received_at, disposition)
                VALUES (?, 'report-bot', ?, 'SOURCE_ARTICLE_16', ?, 'MESSAGE', ?, 'SCAMS_AND_FRAUD', 'DE', 'u-1', FALSE, ?, ?, ?, 'STARTED')
                """).params(notice, "ext-" + notice, caseNumber, subject.key(),
                        seal.seal(NoticeSeal.Field.EXPLANATION, notice, "A phishing page."), "c".repeat(64), utc(clock.instant())).update();
        return caseNumber;
    }

    @Test
    void aReviewWithAVariableThatIsNotAnOutputIsRefusedAndChangesNothing() {
        String task = taskOf(reviewCase);
        assertThat(engine(HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\": \"moderator\"}", "moderator").getStatusCode().value())
                .isEqualTo(204);
        ResponseEntity<String> answer = engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"moderationDecision": {"value": "NO_ACTION"}, "threatToLife": {"value": false},
                  "decidedBy": {"value": "moderator2"}}}""", "moderator");
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("decidedBy");
        ResponseEntity<String> noGround = engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"moderationDecision": {"value": "REMOVE"}, "groundReference": {"value": "§ 263 StGB"},
                  "decisionExplanation": {"value": "The post is a phishing page for a bank's customers."}}}""", "moderator");
        assertThat(noGround.getStatusCode().value()).as(noGround.getBody()).isEqualTo(400);
        assertThat(noGround.getBody()).contains("decisionGround");

        assertThat(tasks.createTaskQuery().taskId(task).count()).as("still open").isEqualTo(1);
        assertThat(decisions.ofCase(reviewCase)).isEmpty();
        String pi = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        assertThat(runtime.getVariable(pi, ContentReportVariables.DECIDED_BY)).isNull();
        assertThat(runtime.getVariable(pi, ContentReportVariables.MODERATION_DECISION)).isNull();
        assertThat(cases.get(reviewCase).status()).isEqualTo(CaseStatus.IN_REVIEW);
    }

    @Test
    void theModeratorWhoDecidedCanNeitherClaimNorCompleteTheComplaint() {
        String task = taskOf(complaintCase);
        ResponseEntity<String> claim = engine(HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\": \"moderator\"}", "moderator");
        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(400);
        assertThat(claim.getBody()).contains("Four-eyes");
        ResponseEntity<String> complete = engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"complaintDecision": {"value": "UPHOLD"},
                  "complaintReasoning": {"value": "The page imitates the bank's login and asks for the PIN."}}}""", "moderator");
        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(400);
        assertThat(complete.getBody()).contains("Four-eyes");

        Task open = tasks.createTaskQuery().taskId(task).singleResult();
        assertThat(open).isNotNull();
        assertThat(open.getAssignee()).isNull();
        assertThat(jdbc.sql("SELECT status FROM cr_complaint WHERE id = ?").param(complaintId).query(String.class).single())
                .isEqualTo("IN_REVIEW");
    }

    @Test
    void legalAnalystsAndTheGatewayNeitherSeeNorCompleteModerationTasks() throws Exception {
        for (String outsider : List.of("analyst", "report-bot")) {
            for (String caseNumber : List.of(reviewCase, complaintCase)) {
                ResponseEntity<String> list = engine(HttpMethod.GET, "/task?processInstanceBusinessKey=" + caseNumber, null, outsider);
                assertThat(list.getStatusCode().value()).isEqualTo(200);
                assertThat(json.readTree(list.getBody())).as("%s sees %s", outsider, caseNumber).isEmpty();
                // the task's own outputs, so that it is the engine's authorization that refuses
                String outputs = caseNumber.equals(reviewCase)
                        ? "{\"variables\": {\"moderationDecision\": {\"value\": \"NO_ACTION\"}}}"
                        : "{\"variables\": {\"complaintDecision\": {\"value\": \"REVERSE\"}, \"complaintReasoning\": "
                                + "{\"value\": \"The page is the bank's own, not an imitation.\"}}}";
                ResponseEntity<String> complete = engine(HttpMethod.POST, "/task/" + taskOf(caseNumber) + "/complete", outputs, outsider);
                assertThat(complete.getStatusCode().value()).as("%s completes %s: %s", outsider, caseNumber, complete.getBody())
                        .isIn(403, 404);
            }
        }
        assertThat(decisions.ofCase(reviewCase)).isEmpty();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reviewCase).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(complaintCase).count()).isEqualTo(1);
    }

    @Test
    void moderatorsSeeTheirTasks() throws Exception {
        JsonNode seen = json.readTree(engine(HttpMethod.GET, "/task?processInstanceBusinessKey=" + complaintCase, null, "moderator2").getBody());
        assertThat(seen).hasSize(1);
    }

    private String taskOf(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private ResponseEntity<String> engine(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
    }
}
