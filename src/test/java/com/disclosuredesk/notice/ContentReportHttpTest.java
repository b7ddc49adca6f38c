package com.disclosuredesk.notice;

import static com.disclosuredesk.notice.ContentReportFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.ModerationCase;
import com.disclosuredesk.moderation.ModerationMessages;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.moderation.Subject;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice API over HTTP, as the reporting bot (report-gateways) and a trusted flagger use it: validation, idempotency
 * under concurrency, cases per normalised subject, receipts and the feed, what each caller sees, least privilege, and no
 * personal data in the engine or the log.
 */
@DisclosureDeskHttpTest
@ExtendWith(OutputCaptureExtension.class)
class ContentReportHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRepository cases;
    @Autowired SubjectRows subjects;
    @Autowired NoticeRepository notices;
    @Autowired ModerationMessages messages;
    @Autowired NoticeSeal seal;
    @Autowired Sequences sequences;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;

    private final ObjectMapper json = new ObjectMapper();
    private ContentReportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ContentReportFixtures(jdbc, cases, subjects, notices, seal, sequences);
    }

    static ObjectNode notice(String externalId, String type, String reference) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("externalId", externalId);
        n.putObject("subject").put("type", type).put("reference", reference);
        n.put("category", "RISK_FOR_PUBLIC_SECURITY");
        n.put("specification", "TERRORIST_CONTENT");
        n.put("explanation", "The post calls for an attack on a named place and date.");
        n.put("country", "DE");
        n.putObject("notifier").put("id", "u-88412").put("name", "A. Reporter").put("email", "reporter@mail.example");
        n.put("goodFaith", true);
        n.putObject("evidence").put("text", "the reported post as the user saw it").putNull("mediaSha256");
        return n;
    }

    private ResponseEntity<JsonNode> post(String path, String user, Object body) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        String text = body instanceof String s ? s : body.toString();
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(text, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(ApiRequests.signedIn(user)), JsonNode.class);
    }

    private static String problemType(ResponseEntity<JsonNode> response) {
        return response.getBody().path("type").asText().replace("https://disclosuredesk.example/problems/", "");
    }

    private static List<String> errorFields(ResponseEntity<JsonNode> response) {
        List<String> fields = new ArrayList<>();
        response.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private Map<String, Integer> rowCounts() {
        return Map.of("cr_notice", count("SELECT COUNT(*) FROM cr_notice"), "cr_case", count("SELECT COUNT(*) FROM cr_case"),
                "cr_message", count("SELECT COUNT(*) FROM cr_message"), "cr_subject", count("SELECT COUNT(*) FROM cr_subject"));
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private long contentReportInstances() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("content-report").count();
    }

    @Test
    void aNoticeStartsACaseWithItsProcessAndGetsItsReceipt() {
        String channel = uniqueName("ch");
        ResponseEntity<JsonNode> created = post("/api/content-reports", "report-bot",
                notice("bot-" + channel, "MESSAGE", "https://t.me/" + channel + "/4711"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = created.getBody();
        String caseNumber = body.get("caseNumber").asText();
        assertThat(caseNumber).matches("CR-\\d{4}-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/content-reports/" + caseNumber);
        assertThat(body.get("disposition").asText()).isEqualTo("STARTED");
        assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.get("externalId").asText()).isEqualTo("bot-" + channel);
        assertThat(body.get("sourceType").asText()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(body.has("receivedAt")).isTrue();
        long noticeId = body.get("noticeId").asLong();

        ModerationCase stored = cases.get(caseNumber);
        assertThat(stored.subjectKey()).isEqualTo("MESSAGE:t.me/" + channel + "/4711");
        assertThat(stored.noticeCount()).isEqualTo(1);
        assertThat(stored.processInstanceId()).isNotNull();
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(stored.processInstanceId()).singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(caseNumber);
        assertThat(instance.getProcessDefinitionKey()).isEqualTo("content-report");
        Map<String, Object> variables = new java.util.HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(stored.processInstanceId()).list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        assertThat(variables).containsEntry("caseNumber", caseNumber).containsEntry("subjectType", "MESSAGE")
                .containsEntry("subjectReference", "t.me/" + channel + "/4711").containsEntry("category", "RISK_FOR_PUBLIC_SECURITY")
                .containsEntry("specification", "TERRORIST_CONTENT").containsEntry("country", "DE")
                .containsEntry("noticeCount", 1).containsEntry("trustedNoticeCount", 0);

        assertThat(messages.ofCase(caseNumber)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ModerationMessages.Kind.RECEIPT);
            assertThat(m.gateway()).isEqualTo("report-bot");
            assertThat(m.noticeId()).isEqualTo(noticeId);
            assertThat(m.notifierRef()).isEqualTo("u-88412");
            assertThat(m.body()).contains(caseNumber).doesNotContain("Reporter").doesNotContain("reporter@");
        });
    }

    @Test
    void everyOffendingFieldIsNamedAndNothingIsWritten() {
        Map<String, Integer> before = rowCounts();
        ObjectNode bad = notice("bad id!", "MESSAGE", "https://example.com/x/1");
        bad.put("category", "TERRORISM");
        bad.put("goodFaith", false);
        bad.put("country", "XX");
        ((ObjectNode) bad.get("notifier")).remove("email");
        ResponseEntity<JsonNode> refused = post("/api/content-reports", "report-bot", bad);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problemType(refused)).isEqualTo("invalid-notice");
        // (the specification cannot be checked against an unknown category)
        assertThat(errorFields(refused)).containsExactly("category", "country", "externalId", "goodFaith", "notifier.email",
                "subject.reference");
        assertThat(refused.getBody().toString()).doesNotContain("example.com").doesNotContain("TERRORISM");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void childSexualAbuseMaterialMayBeAnonymousAndItsReceiptGoesToTheGateway() {
        ObjectNode anonymous = notice("csam-" + uniqueName("n"), "CHANNEL", "@" + uniqueName("ch"));
        anonymous.put("category", "PROTECTION_OF_MINORS").put("specification", "CHILD_SEXUAL_ABUSE_MATERIAL");
        anonymous.remove("notifier");
        ResponseEntity<JsonNode> created = post("/api/content-reports", "report-bot", anonymous);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long noticeId = created.getBody().get("noticeId").asLong();
        NoticeRepository.StoredNotice stored = notices.find(noticeId).orElseThrow();
        assertThat(stored.anonymous()).isTrue();
        assertThat(stored.notifierRef()).isNull();
        assertThat(messages.ofCase(stored.caseNumber())).singleElement()
                .satisfies(m -> assertThat(m.gateway()).isEqualTo("report-bot"))
                .satisfies(m -> assertThat(m.notifierRef()).isNull());

        ObjectNode notCsam = notice("anon-" + uniqueName("n"), "CHANNEL", "@" + uniqueName("ch"));
        notCsam.remove("notifier");
        ResponseEntity<JsonNode> refused = post("/api/content-reports", "report-bot", notCsam);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(refused)).containsExactly("notifier");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedByName() {
        ObjectNode unknown = notice("u-" + uniqueName("n"), "ACCOUNT", "@" + uniqueName("acc"));
        unknown.put("priority", "HIGH");
        ResponseEntity<JsonNode> refused = post("/api/content-reports", "report-bot", unknown);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemType(refused)).isEqualTo("unknown-field");
        assertThat(errorFields(refused)).containsExactly("priority");

        ObjectNode wrongType = notice("w-" + uniqueName("n"), "ACCOUNT", "@" + uniqueName("acc"));
        wrongType.put("goodFaith", "yes");
        refused = post("/api/content-reports", "report-bot", wrongType);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemType(refused)).isEqualTo("invalid-notice");
        assertThat(errorFields(refused)).containsExactly("goodFaith");

        ObjectNode nestedUnknown = notice("n-" + uniqueName("n"), "ACCOUNT", "@" + uniqueName("acc"));
        ((ObjectNode) nestedUnknown.get("notifier")).put("phone", "+49151");
        refused = post("/api/content-reports", "report-bot", nestedUnknown);
        assertThat(problemType(refused)).isEqualTo("unknown-field");
        assertThat(errorFields(refused)).containsExactly("notifier.phone");

        refused = post("/api/content-reports", "report-bot", "{\"externalId\": ");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemType(refused)).isEqualTo("malformed-json");
    }

    @Test
    void theSameExternalIdAgainIsTheSameNoticeAndOtherContentIsAConflict() {
        ObjectNode first = notice("idem-" + uniqueName("n"), "CHANNEL", "t.me/" + uniqueName("ch"));
        ResponseEntity<JsonNode> created = post("/api/content-reports", "report-bot", first);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> again = post("/api/content-reports", "report-bot", first);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        // the same notice; only "status" is the case's status now (the triage may have run in between)
        ObjectNode sameNotice = created.getBody().deepCopy();
        ObjectNode answeredAgain = again.getBody().deepCopy();
        sameNotice.remove("status");
        answeredAgain.remove("status");
        assertThat(answeredAgain).isEqualTo(sameNotice);

        // another gateway may use the same externalId: it is its own notice
        ResponseEntity<JsonNode> otherGateway = post("/api/content-reports", "flagger-ngo", first);
        assertThat(otherGateway.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(otherGateway.getBody().get("noticeId")).isNotEqualTo(created.getBody().get("noticeId"));
        assertThat(otherGateway.getBody().get("disposition").asText()).isEqualTo("JOINED");
        assertThat(otherGateway.getBody().get("sourceType").asText()).isEqualTo("SOURCE_TRUSTED_FLAGGER");

        Map<String, Integer> before = rowCounts();
        ObjectNode changed = first.deepCopy();
        changed.put("explanation", "Something else.");
        ResponseEntity<JsonNode> conflict = post("/api/content-reports", "report-bot", changed);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problemType(conflict)).isEqualTo("notice-conflict");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void twentyIdenticalNoticesAtOnceMakeOneNoticeAndOneCase() throws Exception {
        String channel = uniqueName("ch");
        ObjectNode body = notice("burst-" + channel, "MESSAGE", "https://t.me/" + channel + "/1");
        List<ResponseEntity<JsonNode>> answers = concurrently(20, i -> post("/api/content-reports", "report-bot", body));

        assertThat(answers).extracting(ResponseEntity::getStatusCode).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(answers).extracting(ResponseEntity::getStatusCode).filteredOn(HttpStatus.OK::equals).hasSize(19);
        JsonNode first = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CREATED).findFirst().orElseThrow().getBody();
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.getBody().get("noticeId")).isEqualTo(first.get("noticeId"));
            assertThat(a.getBody().get("caseNumber")).isEqualTo(first.get("caseNumber"));
            assertThat(a.getBody().get("receivedAt")).isEqualTo(first.get("receivedAt"));
            assertThat(a.getBody().get("disposition")).isEqualTo(first.get("disposition"));
        });
        assertThat(count("SELECT COUNT(*) FROM cr_notice WHERE gateway = 'report-bot' AND external_id = ?", "burst-" + channel)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cr_case WHERE subject_key = ?", "MESSAGE:t.me/" + channel + "/1")).isEqualTo(1);
        assertThat(messages.ofCase(first.get("caseNumber").asText())).hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(first.get("caseNumber").asText()).count())
                .isEqualTo(1);
    }

    @Test
    void twentyDifferentNoticesAtOnceAboutANewSubjectMakeOneCase() throws Exception {
        String channel = uniqueName("ch");
        List<ResponseEntity<JsonNode>> answers = concurrently(20, i -> post("/api/content-reports", "report-bot",
                notice("race-" + channel + "-" + i, "CHANNEL", i % 2 == 0 ? "@" + channel : "https://t.me/" + channel.toUpperCase())));
        assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
        assertThat(answers).extracting(a -> a.getBody().get("caseNumber").asText()).containsOnly(
                answers.get(0).getBody().get("caseNumber").asText());
        assertThat(answers).extracting(a -> a.getBody().get("disposition").asText()).filteredOn("STARTED"::equals).hasSize(1);
        ModerationCase one = cases.get(answers.get(0).getBody().get("caseNumber").asText());
        assertThat(one.noticeCount()).isEqualTo(20);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(one.caseNumber()).count()).isEqualTo(1);
    }

    @Test
    void twoSubjectsAreTwoCases() {
        String a = post("/api/content-reports", "report-bot", notice("two-a-" + uniqueName("n"), "ACCOUNT", "@" + uniqueName("acc")))
                .getBody().get("caseNumber").asText();
        String b = post("/api/content-reports", "report-bot", notice("two-b-" + uniqueName("n"), "ACCOUNT", "@" + uniqueName("acc")))
                .getBody().get("caseNumber").asText();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void fiftyNoticesAboutOneMessageWrittenFiveWaysAreOneCaseWithoutAnotherProcess() {
        String channel = uniqueName("ch");
        List<String> ways = List.of("https://t.me/" + channel + "/4711", "t.me/" + channel.toUpperCase() + "/4711/",
                "http://www.t.me/" + channel + "/4711?single", "telegram.me/" + channel + "/4711#top", "https://t.me/s/" + channel + "/4711");
        String caseNumber = null;
        long instancesAfterFirst = 0;
        for (int i = 0; i < 50; i++) {
            String gateway = i % 5 == 4 ? "flagger-ngo" : "report-bot";
            ObjectNode n = notice("fifty-" + channel + "-" + i, "MESSAGE", ways.get(i % 5));
            ((ObjectNode) n.get("notifier")).put("id", "u-" + i);
            ResponseEntity<JsonNode> answer = post("/api/content-reports", gateway, n);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            if (i == 0) {
                caseNumber = answer.getBody().get("caseNumber").asText();
                assertThat(answer.getBody().get("disposition").asText()).isEqualTo("STARTED");
                instancesAfterFirst = contentReportInstances();
                // the case's triage (a job) runs before the others join, so that what it publishes is that of the
                // start; without this wait a join could come first and the triage would count it (a race, not a join)
                String instance = cases.get(caseNumber).processInstanceId();
                com.disclosuredesk.support.Polling.await("triage of " + caseNumber, java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofMillis(50)).until(() -> runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(instance).variableName("noticeCount").count() == 1);
            } else {
                assertThat(answer.getBody().get("caseNumber").asText()).isEqualTo(caseNumber);
                assertThat(answer.getBody().get("disposition").asText()).isEqualTo("JOINED");
            }
        }
        // joining notices start no process instance
        assertThat(contentReportInstances()).isEqualTo(instancesAfterFirst);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
        ModerationCase one = cases.get(caseNumber);
        assertThat(one.noticeCount()).isEqualTo(50);
        assertThat(one.trustedNoticeCount()).isEqualTo(10);
        assertThat(notices.countOfCase(caseNumber)).isEqualTo(50);
        assertThat(messages.ofCase(caseNumber)).hasSize(50).allSatisfy(m -> assertThat(m.kind()).isEqualTo(ModerationMessages.Kind.RECEIPT));
        // the engine's variables were not touched by the joins (noticeCount stays that of the start)
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(one.processInstanceId()).variableName("noticeCount")
                .singleResult().getValue()).isEqualTo(1);
    }

    @Test
    void aNoticeAboutASubjectDecidedInTheLast30DaysGetsThatCaseAnOlderOneANewCase() {
        String account = uniqueName("acc");
        Subject subject = Subject.of("ACCOUNT", account);
        String decided = fixtures.decidedCase(subject, "REMOVE", Instant.now().minus(29, ChronoUnit.DAYS));
        long instances = contentReportInstances();
        ResponseEntity<JsonNode> answer = post("/api/content-reports", "report-bot", notice("dec-" + account, "ACCOUNT", "@" + account.toUpperCase()));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("disposition").asText()).isEqualTo("ALREADY_DECIDED");
        assertThat(answer.getBody().get("caseNumber").asText()).isEqualTo(decided);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("DECIDED");
        assertThat(cases.get(decided).noticeCount()).isEqualTo(2);
        assertThat(contentReportInstances()).isEqualTo(instances);

        String old = uniqueName("acc");
        String oldCase = fixtures.decidedCase(Subject.of("ACCOUNT", old), "REMOVE", Instant.now().minus(31, ChronoUnit.DAYS));
        ResponseEntity<JsonNode> fresh = post("/api/content-reports", "report-bot", notice("old-" + old, "ACCOUNT", "t.me/" + old));
        assertThat(fresh.getBody().get("disposition").asText()).isEqualTo("STARTED");
        assertThat(fresh.getBody().get("caseNumber").asText()).isNotEqualTo(oldCase);
        assertThat(jdbc.sql("SELECT current_case FROM cr_subject WHERE subject_key = ?").param("ACCOUNT:" + old)
                .query(String.class).single()).isEqualTo(fresh.getBody().get("caseNumber").asText());
    }

    @Test
    void aSuspendedNotifierIsRefusedSayingUntilWhenAndNothingIsWritten() {
        Instant until = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        fixtures.suspend("NOTIFIER", "report-bot:u-suspended", until);
        String account = uniqueName("acc");
        ObjectNode n = notice("susp-" + account, "ACCOUNT", "@" + account);
        ((ObjectNode) n.get("notifier")).put("id", "u-suspended");
        Map<String, Integer> before = rowCounts();
        ResponseEntity<JsonNode> refused = post("/api/content-reports", "report-bot", n);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(problemType(refused)).isEqualTo("notifier-suspended");
        assertThat(refused.getBody().get("detail").asText()).contains(until.toString());
        assertThat(rowCounts()).isEqualTo(before);
        // the same person through another gateway is another notifier (gateways know their own people only)
        assertThat(post("/api/content-reports", "flagger-ngo", n).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theFeedShowsEachGatewayItsOwnMessages() {
        String account = uniqueName("acc");
        long noticeId = post("/api/content-reports", "report-bot", notice("feed-" + account, "ACCOUNT", "@" + account))
                .getBody().get("noticeId").asLong();
        long messageId = jdbc.sql("SELECT id FROM cr_message WHERE notice_id = ? AND kind = 'RECEIPT'").param(noticeId)
                .query(Long.class).single();

        ResponseEntity<JsonNode> own = get("/api/content-reports/messages?after=" + (messageId - 1) + "&limit=1", "report-bot");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).hasSize(1);
        assertThat(own.getBody().get(0).get("id").asLong()).isEqualTo(messageId);
        assertThat(own.getBody().get(0).get("kind").asText()).isEqualTo("RECEIPT");
        assertThat(own.getBody().get(0).get("body").get("noticeId").asLong()).isEqualTo(noticeId);

        ResponseEntity<JsonNode> flagger = get("/api/content-reports/messages?after=" + (messageId - 1) + "&limit=1000", "flagger-ngo");
        assertThat(flagger.getStatusCode()).isEqualTo(HttpStatus.OK);
        flagger.getBody().forEach(m -> assertThat(m.get("id").asLong()).isNotEqualTo(messageId));
        ResponseEntity<JsonNode> all = get("/api/content-reports/messages", "flagger-ngo");
        all.getBody().forEach(m -> assertThat(m.get("noticeId").asLong()).isNotEqualTo(noticeId));

        ResponseEntity<JsonNode> bad = get("/api/content-reports/messages?after=-1&limit=1001", "report-bot");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(bad)).containsExactly("after", "limit");
        assertThat(errorFields(get("/api/content-reports/messages?after=x&limit=0", "report-bot"))).containsExactly("after", "limit");
        assertThat(get("/api/content-reports/messages", "moderator").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCaseShowsEachGatewayItsOwnNoticesStaffNoneAndNobodyWhoDecided() {
        String account = uniqueName("acc");
        Subject subject = Subject.of("ACCOUNT", account);
        String caseNumber = fixtures.decidedCase(subject, "RESTRICT", Instant.now().minus(1, ChronoUnit.DAYS));
        long botNotice = fixtures.noticeOn(caseNumber, subject, "report-bot", "u-1");

        ResponseEntity<JsonNode> bot = get("/api/content-reports/" + caseNumber, "report-bot");
        assertThat(bot.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bot.getBody().get("status").asText()).isEqualTo("DECIDED");
        assertThat(bot.getBody().get("decision").get("decision").asText()).isEqualTo("RESTRICT");
        assertThat(bot.getBody().get("decision").get("ground").asText()).isEqualTo("ILLEGAL_CONTENT");
        assertThat(bot.getBody().get("decision").get("groundReference").asText()).isEqualTo("§ 111 StGB");
        assertThat(bot.getBody().get("decision").has("decidedAt")).isTrue();
        assertThat(bot.getBody().toString()).doesNotContain("moderator").doesNotContain("decidedBy");
        assertThat(bot.getBody().get("notices")).hasSize(1);
        assertThat(bot.getBody().get("notices").get(0).get("noticeId").asLong()).isEqualTo(botNotice);

        // the flagger has no notice in it: the case does not exist for it
        ResponseEntity<JsonNode> flagger = get("/api/content-reports/" + caseNumber, "flagger-ngo");
        assertThat(flagger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problemType(flagger)).isEqualTo("case-not-found");
        // after its own notice, it sees the case with that notice only
        long flaggerNotice = post("/api/content-reports", "flagger-ngo", notice("fl-" + account, "ACCOUNT", "@" + account))
                .getBody().get("noticeId").asLong();
        flagger = get("/api/content-reports/" + caseNumber, "flagger-ngo");
        assertThat(flagger.getBody().get("notices")).hasSize(1);
        assertThat(flagger.getBody().get("notices").get(0).get("noticeId").asLong()).isEqualTo(flaggerNotice);
        assertThat(flagger.getBody().get("noticeCount").asInt()).isEqualTo(2);

        for (String staff : List.of("moderator", "modlead", "admin")) {
            ResponseEntity<JsonNode> seen = get("/api/content-reports/" + caseNumber, staff);
            assertThat(seen.getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
            assertThat(seen.getBody().has("notices")).as(staff).isFalse();
            assertThat(seen.getBody().get("caseNumber").asText()).isEqualTo(caseNumber);
        }
        assertThat(get("/api/content-reports/CR-2026-999999", "moderator").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/content-reports/CR-2026-999999", "report-bot").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (String other : List.of("analyst", "police-de")) {
            assertThat(get("/api/content-reports/" + caseNumber, other).getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void onlyGatewaysAndTrustedFlaggersSubmitNotices() {
        Map<String, Integer> before = rowCounts();
        for (String user : List.of("moderator", "modlead", "analyst", "approver", "police-de", "monitor", "dsa-exporter")) {
            ResponseEntity<JsonNode> refused = post("/api/content-reports", user, notice("lp-" + uniqueName("n"), "ACCOUNT", "@" + uniqueName("acc")));
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void namesEmailsExplanationsAndEvidenceStayOutOfTheEngineAndTheLog(CapturedOutput output) throws Exception {
        String marker = uniqueName("pii");
        String name = "Zelda " + marker + " Quux";
        String email = marker + "@mail.example";
        String explanation = "Explanation " + marker + " of the notifier";
        String evidence = "Evidence " + marker + " as seen";
        String channel = uniqueName("ch");
        String externalId = uniqueName("pii_ext");
        ObjectNode n = notice(externalId, "MESSAGE", "https://t.me/" + channel + "/9");
        ((ObjectNode) n.get("notifier")).put("name", name).put("email", email);
        n.put("explanation", explanation);
        ((ObjectNode) n.get("evidence")).put("text", evidence);
        ResponseEntity<JsonNode> created = post("/api/content-reports", "report-bot", n);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // a joining notice and a conflicting one too
        ObjectNode joining = n.deepCopy().put("externalId", externalId + "-2");
        assertThat(post("/api/content-reports", "flagger-ngo", joining).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/content-reports", "report-bot", n.deepCopy().put("explanation", explanation + "!"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Thread.sleep(500); // let the job executor take the case's first job (its log lines count too)

        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?", "%" + marker + "%", "%" + marker + "%"))
                    .as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM cr_message WHERE body LIKE ?", "%" + marker + "%")).isZero();
        assertThat(output.getAll()).doesNotContain(marker);

        // sealed in cr_notice, and readable with the notice's own id only
        long id = created.getBody().get("noticeId").asLong();
        byte[] sealedNotifier = jdbc.sql("SELECT notifier_sealed FROM cr_notice WHERE id = ?").param(id).query(byte[].class).single();
        byte[] sealedExplanation = jdbc.sql("SELECT explanation_sealed FROM cr_notice WHERE id = ?").param(id).query(byte[].class).single();
        byte[] sealedEvidence = jdbc.sql("SELECT evidence_sealed FROM cr_notice WHERE id = ?").param(id).query(byte[].class).single();
        assertThat(new String(sealedNotifier, StandardCharsets.ISO_8859_1)).doesNotContain(marker);
        assertThat(seal.open(NoticeSeal.Field.NOTIFIER, id, sealedNotifier)).contains(name).contains(email);
        assertThat(seal.open(NoticeSeal.Field.EXPLANATION, id, sealedExplanation)).isEqualTo(explanation);
        assertThat(seal.open(NoticeSeal.Field.EVIDENCE, id, sealedEvidence)).isEqualTo(evidence);
    }

    @Test
    void theDocumentedExamplesAreWhatTheApiAccepts() throws Exception {
        JsonNode docs = json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody());
        JsonNode examples = docs.at("/paths/~1api~1content-reports/post/requestBody/content/application~1json/examples");
        assertThat(examples.size()).isGreaterThanOrEqualTo(2);
        examples.fields().forEachRemaining(example -> {
            ResponseEntity<JsonNode> answer = post("/api/content-reports", "report-bot", example.getValue().get("value").toString());
            assertThat(answer.getStatusCode()).as(example.getKey()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        });
        assertThat(docs.at("/paths/~1api~1content-reports~1{caseNumber}~1complaints/post").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1content-reports~1messages/get").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1content-reports~1{caseNumber}/get").isMissingNode()).isFalse();
    }

    private <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
