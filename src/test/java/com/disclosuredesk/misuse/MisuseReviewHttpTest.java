package com.disclosuredesk.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.NotifierStanding;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Polling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * The trust boundary over misuse-review, through {@code /engine-rest} with real sign-ins (docs/security.md): a lead's
 * completion with anything but the task's outputs, variable writes, a start of misuse-review, a moderator's or an
 * administrator's decision are refused and change nothing; then the lead's own decision is recorded from the sign-in
 * and applied.
 */
@DisclosureDeskHttpTest
class MisuseReviewHttpTest {

    static final String VALID = """
            {"variables": {"suspensionDecision": {"value": "SUSPEND"}, "suspensionDays": {"value": 30, "type": "Integer"},
              "suspensionReasoning": {"value": "Repeated unfounded notices after a warning; thirty days."}}}""";

    @Autowired TestRestTemplate http;
    @Autowired MisuseService misuse;
    @Autowired MisuseMeasures measures;
    @Autowired NotifierStanding standing;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired Sequences sequences;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void onlyALeadDecidesAndOnlyWithTheTasksOwnOutputs() throws Exception {
        // a notifier warned ten days ago, who crossed again: the proposal waits for a lead
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MisuseFixture fixture = new MisuseFixture(jdbc, sequences);
        String notifier = MisuseFixture.unique("u");
        String party = NotifierStanding.notifierParty("report-bot", notifier);
        long warning = measures.record(PartyKind.NOTIFIER, party, MeasureKind.WARNING, null, "earlier basis");
        fixture.backdate(warning, clock.instant().minus(Duration.ofDays(10)));
        String last = null;
        for (int i = 0; i < 7; i++) {
            last = fixture.noticeDecided("report-bot", notifier, "NO_ACTION", clock.instant().minus(Duration.ofDays(9)),
                    clock.instant().minus(Duration.ofDays(2)));
        }
        MisuseMeasure proposal = misuse.afterDecision(last).get(0);
        String businessKey = MisuseService.businessKey(proposal.id());
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(engine(HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\": \"modlead\"}", "modlead").getStatusCode().value())
                .isEqualTo(204);
        String before = String.valueOf(new java.util.TreeMap<>(runtime.getVariables(instance)));

        Map<String, ResponseEntity<String>> attacks = new LinkedHashMap<>();
        attacks.put("partyKind", engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"suspensionDecision": {"value": "SUSPEND"}, "suspensionDays": {"value": 30, "type": "Integer"},
                  "suspensionReasoning": {"value": "Repeated unfounded notices after a warning; thirty days."},
                  "partyKind": {"value": "ACCOUNT"}}}""", "modlead"));
        attacks.put("misuseMeasureId", engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"suspensionDecision": {"value": "DECLINE"}, "misuseMeasureId": {"value": 1, "type": "Long"},
                  "suspensionReasoning": {"value": "Declined for another proposal than this one."}}}""", "modlead"));
        attacks.put("suspensionDays", engine(HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"suspensionDecision": {"value": "SUSPEND"}, "suspensionDays": {"value": 3650, "type": "Integer"},
                  "suspensionReasoning": {"value": "Repeated unfounded notices after a warning; ten years."}}}""", "modlead"));
        attacks.put("misuseBasis", engine(HttpMethod.PUT, "/task/" + task + "/variables/misuseBasis",
                "{\"value\": \"nothing at all\"}", "modlead"));
        attacks.put("process variable", engine(HttpMethod.PUT, "/process-instance/" + instance + "/variables/partyKind",
                "{\"value\": \"ACCOUNT\"}", "modlead"));
        attacks.put("start", engine(HttpMethod.POST, "/process-definition/key/misuse-review/start",
                "{\"businessKey\": \"MU-" + warning + "\"}", "modlead"));
        attacks.put("moderator", engine(HttpMethod.POST, "/task/" + task + "/complete", VALID, "moderator"));
        attacks.put("moderation-leads", engine(HttpMethod.POST, "/task/" + task + "/complete", VALID, "admin"));
        attacks.forEach((name, answer) -> {
            assertThat(answer.getStatusCode().value()).as(name + ": " + answer.getBody()).isIn(Set.of(400, 403, 404));
            if (!name.equals("process variable") && !name.equals("start") && !name.equals("moderator")) {
                assertThat(answer.getStatusCode().value()).as(name).isEqualTo(400);
                assertThat(answer.getBody()).as(name).contains(name);
            }
        });
        assertThat(String.valueOf(new java.util.TreeMap<>(runtime.getVariables(instance)))).isEqualTo(before);
        assertThat(measures.decisionOn(proposal.id())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("misuse-review").processInstanceBusinessKey("MU-" + warning).count())
                .isZero();
        assertThat(standing.suspendedUntil("NOTIFIER", party)).isEmpty();

        // the lead's own decision: recorded from the sign-in, applied by the job executor
        ResponseEntity<String> decided = engine(HttpMethod.POST, "/task/" + task + "/complete", VALID, "modlead");
        assertThat(decided.getStatusCode().value()).as(String.valueOf(decided.getBody())).isEqualTo(204);
        MisuseMeasure suspension = measures.decisionOn(proposal.id()).orElseThrow();
        assertThat(suspension.decidedBy()).isEqualTo("modlead");
        assertThat(standing.suspendedUntil("NOTIFIER", party)).contains(suspension.suspendedUntil());
        Polling.await("the suspension message", Duration.ofSeconds(30), Duration.ofMillis(200)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM cr_message WHERE kind = 'SUSPENSION' AND gateway = 'report-bot' AND notifier_ref = ?")
                .param(notifier).query(Long.class).single() == 1);
        JsonNode body = json.readTree(jdbc.sql("SELECT body FROM cr_message WHERE kind = 'SUSPENSION' AND notifier_ref = ?")
                .param(notifier).query(String.class).single());
        assertThat(body.get("suspendedUntil").asText()).isEqualTo(suspension.suspendedUntil().toString());
        assertThat(List.of(body.get("text").asText(), body.get("basis").asText())).noneMatch(text -> text.contains(notifier));
    }

    ResponseEntity<String> engine(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
    }
}
