package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The moderation part of the public report over HTTP: its JSON fields, the CSV's second table, month ids, and bad
 * period ids as problem+json naming the field. Rows are inserted straight into the cr_* tables in May 2098, a month
 * no other test touches.
 */
@DisclosureDeskHttpTest
class ModerationReportHttpTest {

    private static final long BASE = 8_900_000_000L;

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void mayOf2098() {
        if (jdbc.sql("SELECT COUNT(*) FROM cr_case WHERE case_number = 'CR-2098-900001'").query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, category, status,
                    notice_count, trusted_notice_count, created_at, version)
                VALUES ('CR-2098-900001', 'CHANNEL:t.me/http_2098', 'CHANNEL', 't.me/http_2098',
                    'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'DECIDED', 2, 1, ?, 0)
                """).param(at("2098-05-01T00:00:00Z")).update();
        notice(BASE + 1, "SOURCE_ARTICLE_16", "2098-05-03T08:00:00Z");
        notice(BASE + 2, "SOURCE_TRUSTED_FLAGGER", "2098-05-03T09:00:00Z");
        jdbc.sql("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life, decided_by, decided_at)
                VALUES (?, 'CR-2098-900001', 'REVIEW', 'REMOVE', 'ILLEGAL_CONTENT', 'x', FALSE, 'moderator', ?)
                """).params(BASE + 3, at("2098-05-03T10:00:00Z")).update();
        jdbc.sql("""
                INSERT INTO cr_misuse_measure (id, party_kind, party_ref, measure, basis, created_at)
                VALUES (?, 'COMPLAINANT', 'gw:c-2098', 'SUSPENSION', '5 of 6', ?)
                """).params(BASE + 4, at("2098-05-20T00:00:00Z")).update();
    }

    private void notice(long id, String source, String receivedAt) {
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key,
                    category, anonymous, explanation_sealed, submission_sha256, received_at, disposition)
                VALUES (?, 'report-bot', ?, ?, 'CR-2098-900001', 'CHANNEL', 'CHANNEL:t.me/http_2098',
                    'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', FALSE, ?, 'x', ?, 'STARTED')
                """).params(id, "http-2098-" + id, source, new byte[] {1}, at(receivedAt)).update();
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    @Test
    void theReportOfAMonthHasItsModerationFigures() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/transparency/report?from=2098-05-01&to=2098-05-31", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.at("/period/id").asText()).isEqualTo("2098-05");
        assertThat(report.at("/totals/requests").asLong()).as("the legal-order part is unchanged").isZero();
        JsonNode m = report.get("moderation");
        assertThat(m.at("/notices/total").asLong()).isEqualTo(2);
        assertThat(m.at("/notices/byTrustedFlaggers").asLong()).isEqualTo(1);
        assertThat(m.at("/notices/bySource/SOURCE_ARTICLE_16").asLong()).isEqualTo(1);
        assertThat(m.at("/notices/byCategory/STATEMENT_CATEGORY_SCAMS_AND_FRAUD").asLong()).isEqualTo(2);
        assertThat(m.at("/actions/decisions").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/byType/REMOVE").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/byType/NO_ACTION").asLong()).isZero();
        assertThat(m.at("/actions/byGround/ILLEGAL_CONTENT").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/noticesActioned").asLong()).isEqualTo(2);
        // the live report's medians come from histograms: within 1% (docs/transparency.md)
        assertThat(m.at("/actions/medianTimeToDecisionSeconds").asLong()).as("2 h and 1 h")
                .isCloseTo(5400L, org.assertj.core.api.Assertions.withinPercentage(1));
        assertThat(m.at("/complaints/received").asLong()).isZero();
        assertThat(m.at("/complaints").has("medianTimeToDecisionSeconds")).as("no median without complaints").isFalse();
        assertThat(m.at("/suspensions/complainants").asLong()).isEqualTo(1);
        assertThat(m.at("/referrals/total").asLong()).isZero();
        assertThat(m.get("blockedPerDay")).hasSize(31);
        assertThat(m.at("/blockedPerDay/2").toString()).isEqualTo("{\"day\":\"2098-05-03\",\"blocked\":1,\"lifted\":0}");

        ResponseEntity<String> csv = http.getForEntity("/api/transparency/report?from=2098-05-01&to=2098-05-31&format=csv", String.class);
        assertThat(csv.getBody()).contains("\r\n\r\nModeration figure,Breakdown,Value\r\n")
                .contains("Number of notices submitted by trusted flaggers,Total,1\r\n")
                .contains("Number of suspensions under Article 23,COMPLAINANT,1\r\n")
                .contains("Subjects blocked,2098-05-03,1\r\n")
                .doesNotContain("report-bot").doesNotContain("moderator").doesNotContain("gw:c-2098");
        assertThat(response.getBody()).doesNotContain("report-bot").doesNotContain("moderator").doesNotContain("gw:c-2098");
    }

    @Test
    void aBadPeriodIdIsAProblemNamingThePeriod() throws Exception {
        for (String id : List.of("2098-13", "2098-Q5", "2098-5")) {
            ResponseEntity<String> response = http.getForEntity("/api/transparency/reports/" + id, String.class);
            assertThat(response.getStatusCode().value()).as(id).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            List<String> fields = new ArrayList<>();
            json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(id).containsExactly("period");
        }
        ResponseEntity<String> notPublished = http.getForEntity("/api/transparency/reports/2098-05", String.class);
        assertThat(notPublished.getStatusCode().value()).as("a month id is valid; nothing is published").isEqualTo(404);
    }
}
