package com.disclosuredesk.complaint;

import static com.disclosuredesk.notice.ContentReportFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.ModerationMessages;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.moderation.Subject;
import com.disclosuredesk.notice.ContentReportFixtures;
import com.disclosuredesk.notice.NoticeRepository;
import com.disclosuredesk.notice.SubjectRows;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaints (Art. 20) over HTTP, on decided cases set up in the tables (no process waits for complaints here, so an
 * accepted complaint stays PENDING): validation, who may complain about what, the six months, suspended complainants.
 */
@DisclosureDeskHttpTest
class ComplaintIntakeHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired CaseRepository cases;
    @Autowired SubjectRows subjects;
    @Autowired NoticeRepository notices;
    @Autowired ComplaintRepository complaints;
    @Autowired ModerationMessages messages;
    @Autowired NoticeSeal seal;
    @Autowired Sequences sequences;

    private ContentReportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ContentReportFixtures(jdbc, cases, subjects, notices, seal, sequences);
    }

    private ResponseEntity<JsonNode> complain(String caseNumber, String user, String body) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/content-reports/" + caseNumber + "/complaints", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
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
        return Map.of("cr_complaint", count("SELECT COUNT(*) FROM cr_complaint"), "cr_message", count("SELECT COUNT(*) FROM cr_message"));
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    record Decided(String caseNumber, Subject subject, long botNotice, String notifierRef) {}

    private Decided decided(String decision, Instant at) {
        Subject subject = Subject.of("ACCOUNT", uniqueName("acc"));
        String caseNumber = fixtures.decidedCase(subject, decision, at);
        String notifierRef = uniqueName("u");
        return new Decided(caseNumber, subject, fixtures.noticeOn(caseNumber, subject, "report-bot", notifierRef), notifierRef);
    }

    @Test
    void aNotifierComplainsAboutTheirNoticesCase() {
        Decided d = decided("NO_ACTION", Instant.now().minus(10, ChronoUnit.DAYS));
        String text = "The account still sells weapons " + uniqueName("t");
        ResponseEntity<JsonNode> accepted = complain(d.caseNumber(), "report-bot",
                "{\"by\": \"NOTIFIER\", \"noticeId\": " + d.botNotice() + ", \"text\": \"" + text + "\"}");

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(accepted.getBody().get("caseNumber").asText()).isEqualTo(d.caseNumber());
        long id = accepted.getBody().get("complaintId").asLong();
        ComplaintRepository.Complaint stored = complaints.find(id).orElseThrow();
        assertThat(stored.complainant()).isEqualTo("NOTIFIER");
        assertThat(stored.noticeId()).isEqualTo(d.botNotice());
        assertThat(stored.status()).isEqualTo(ComplaintStatus.PENDING);
        assertThat(stored.decisionId()).isEqualTo(cases.get(d.caseNumber()).decisionId());
        assertThat(complaints.pending(d.caseNumber())).extracting(ComplaintRepository.Complaint::id).containsExactly(id);
        byte[] sealed = complaints.sealedText(id).orElseThrow();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(text);
        assertThat(seal.open(NoticeSeal.Field.COMPLAINT_TEXT, id, sealed)).isEqualTo(text);
        assertThat(messages.ofCase(d.caseNumber())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ModerationMessages.Kind.COMPLAINT_RECEIPT);
            assertThat(m.gateway()).isEqualTo("report-bot");
            assertThat(m.notifierRef()).isEqualTo(d.notifierRef());
            assertThat(m.body()).doesNotContain(text);
        });
        // the case waits for no complaint (no process here): its status is unchanged
        assertThat(cases.get(d.caseNumber()).status().name()).isEqualTo("DECIDED");
    }

    @Test
    void theUploaderComplainsThroughTheGatewayAboutARemovalOnly() {
        Decided removed = decided("REMOVE", Instant.now().minus(1, ChronoUnit.DAYS));
        ResponseEntity<JsonNode> accepted = complain(removed.caseNumber(), "report-bot", "{\"by\": \"UPLOADER\", \"text\": \"It was satire.\"}");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(messages.ofCase(removed.caseNumber())).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(ModerationMessages.Recipient.UPLOADER);
            assertThat(m.accountId()).isEqualTo(4242L);
            assertThat(m.gateway()).isNull();
        });

        Decided noAction = decided("NO_ACTION", Instant.now().minus(1, ChronoUnit.DAYS));
        ResponseEntity<JsonNode> refused = complain(noAction.caseNumber(), "report-bot", "{\"by\": \"UPLOADER\", \"text\": \"Why?\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problemType(refused)).isEqualTo("complaint-not-allowed");

        // a trusted flagger does not speak for uploaders (and has no notice in the case: it does not exist for it)
        ResponseEntity<JsonNode> flagger = complain(removed.caseNumber(), "flagger-ngo", "{\"by\": \"UPLOADER\", \"text\": \"x\"}");
        assertThat(flagger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        fixtures.noticeOn(removed.caseNumber(), removed.subject(), "flagger-ngo", "f-1");
        flagger = complain(removed.caseNumber(), "flagger-ngo", "{\"by\": \"UPLOADER\", \"text\": \"x\"}");
        assertThat(flagger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(flagger)).containsExactly("by");
    }

    @Test
    void everyOffendingFieldIsNamedAndNothingIsWritten() {
        Decided d = decided("REMOVE", Instant.now().minus(1, ChronoUnit.DAYS));
        Map<String, Integer> before = rowCounts();
        ResponseEntity<JsonNode> refused = complain(d.caseNumber(), "report-bot", "{\"by\": \"NOTIFIER\", \"text\": \" \"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemType(refused)).isEqualTo("invalid-complaint");
        assertThat(errorFields(refused)).containsExactly("noticeId", "text");

        refused = complain(d.caseNumber(), "report-bot", "{\"text\": \"" + "x".repeat(5001) + "\"}");
        assertThat(errorFields(refused)).containsExactly("by", "text");
        refused = complain(d.caseNumber(), "report-bot", "{\"by\": \"AUTHORITY\", \"text\": \"x\"}");
        assertThat(errorFields(refused)).containsExactly("by");
        refused = complain(d.caseNumber(), "report-bot", "{\"by\": \"NOTIFIER\", \"noticeId\": \"x\", \"text\": \"x\"}");
        assertThat(problemType(refused)).isEqualTo("invalid-complaint");
        assertThat(errorFields(refused)).containsExactly("noticeId");
        refused = complain(d.caseNumber(), "report-bot", "{\"by\": \"NOTIFIER\", \"noticeId\": 1, \"text\": \"x\", \"mood\": 3}");
        assertThat(problemType(refused)).isEqualTo("unknown-field");

        // a notice of another case, or of another gateway, is not the caller's notice on this case
        Decided other = decided("REMOVE", Instant.now().minus(1, ChronoUnit.DAYS));
        refused = complain(d.caseNumber(), "report-bot", "{\"by\": \"NOTIFIER\", \"noticeId\": " + other.botNotice() + ", \"text\": \"x\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(refused)).containsExactly("noticeId");
        assertThat(rowCounts()).isEqualTo(before);

        assertThat(complain("CR-2026-999998", "report-bot", "{\"by\": \"UPLOADER\", \"text\": \"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (String user : List.of("moderator", "analyst", "police-de")) {
            assertThat(complain(d.caseNumber(), user, "{\"by\": \"UPLOADER\", \"text\": \"x\"}").getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void complaintsCloseSixMonthsAfterTheDecision() {
        Instant decidedAt = Instant.now().minus(200, ChronoUnit.DAYS);
        Decided late = decided("REMOVE", decidedAt);
        Map<String, Integer> before = rowCounts();
        ResponseEntity<JsonNode> refused = complain(late.caseNumber(), "report-bot",
                "{\"by\": \"NOTIFIER\", \"noticeId\": " + late.botNotice() + ", \"text\": \"Too late?\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problemType(refused)).isEqualTo("complaint-not-allowed");
        String closedOn = decidedAt.atZone(java.time.ZoneOffset.UTC).plusMonths(6).toLocalDate().toString();
        assertThat(refused.getBody().get("detail").asText()).contains("closed on " + closedOn);
        assertThat(rowCounts()).isEqualTo(before);

        // a day before the six months end, it is still open
        Decided inTime = decided("REMOVE", Instant.now().atZone(java.time.ZoneOffset.UTC).minusMonths(6).plusDays(1).toInstant());
        assertThat(complain(inTime.caseNumber(), "report-bot", "{\"by\": \"NOTIFIER\", \"noticeId\": " + inTime.botNotice()
                + ", \"text\": \"Still in time.\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void aCaseWithoutADecisionTakesNoComplaint() {
        Subject subject = Subject.of("ACCOUNT", uniqueName("acc"));
        String caseNumber = cases.nextCaseNumber();
        cases.insert(caseNumber, subject.key(), "ACCOUNT", subject.reference(), "VIOLENCE", null, null, false);
        long notice = fixtures.noticeOn(caseNumber, subject, "report-bot", "u-9");
        ResponseEntity<JsonNode> refused = complain(caseNumber, "report-bot",
                "{\"by\": \"NOTIFIER\", \"noticeId\": " + notice + ", \"text\": \"Decide!\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("no decision yet");
    }

    @Test
    void aSuspendedComplainantIsRefused() {
        Decided d = decided("REMOVE", Instant.now().minus(1, ChronoUnit.DAYS));
        Instant until = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        fixtures.suspend("COMPLAINANT", "report-bot:" + d.notifierRef(), until);
        Map<String, Integer> before = rowCounts();
        ResponseEntity<JsonNode> refused = complain(d.caseNumber(), "report-bot",
                "{\"by\": \"NOTIFIER\", \"noticeId\": " + d.botNotice() + ", \"text\": \"Again.\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("detail").asText()).contains(until.toString());
        assertThat(rowCounts()).isEqualTo(before);
    }
}
