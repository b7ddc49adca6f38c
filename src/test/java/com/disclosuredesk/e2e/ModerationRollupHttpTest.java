package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.ModerationRows;
import com.disclosuredesk.transparency.ModerationFigures;
import com.disclosuredesk.transparency.ModerationFiguresService;
import com.disclosuredesk.transparency.ModerationRollup;
import com.disclosuredesk.transparency.ReportPeriod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollups of the moderation figures in the running application, on the database of the run (H2 here, PostgreSQL
 * in the build's {@code postgres-it} run: V18, the rollup's row lock, its inserts and the month sums, the per-day
 * queries of both products). Rows of March 2025 (a month that is over, which no other test writes into) are rolled up
 * by the application's own {@link ModerationRollup}; the public report of that month then reads the month's rollup and
 * has the same counts as the computation from the rows, the medians within 1%. The scheduled rollup is off in tests;
 * this test removes its rows and leaves the rollup tables as it found them (empty), so that tests writing rows into
 * past days see them.
 */
@DisclosureDeskHttpTest
class ModerationRollupHttpTest {

    private static final String SPEECH = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH";
    private static final String SCAMS = "STATEMENT_CATEGORY_SCAMS_AND_FRAUD";
    private static final ReportPeriod MARCH_2025 = ReportPeriod.month(2025, 3);

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired ModerationRollup rollup;
    @Autowired ModerationFiguresService figures;

    private final ObjectMapper json = new ObjectMapper();
    private ModerationRows rows;

    @BeforeEach
    void rows() {
        rows = new ModerationRows(jdbc, 7_000_000_001L, "rollup-test");
    }

    @AfterEach
    void leaveNothingBehind() {
        // the context and its database are shared with the other HTTP tests (e.g. the referral list, newest first)
        jdbc.sql("DELETE FROM cr_referral WHERE case_number LIKE 'CR-RU25-%'").update();
        jdbc.sql("DELETE FROM cr_misuse_measure WHERE party_ref LIKE 'rollup-test-%'").update();
        jdbc.sql("DELETE FROM cr_complaint WHERE case_number LIKE 'CR-RU25-%'").update();
        jdbc.sql("UPDATE cr_decision SET reverses_id = NULL WHERE case_number LIKE 'CR-RU25-%'").update();
        jdbc.sql("DELETE FROM cr_decision WHERE case_number LIKE 'CR-RU25-%'").update();
        jdbc.sql("DELETE FROM cr_notice WHERE case_number LIKE 'CR-RU25-%'").update();
        jdbc.sql("DELETE FROM cr_case WHERE case_number LIKE 'CR-RU25-%'").update();
        jdbc.sql("DELETE FROM cr_report_day").update();
        jdbc.sql("DELETE FROM cr_report_month").update();
        jdbc.sql("UPDATE cr_report_rollup SET rolled_up_until = NULL, updated_at = NULL").update();
    }

    @Test
    void aMonthThatIsOverIsReportedFromItsRollupWithTheRowsCounts() throws Exception {
        // X1: two notices (one from a trusted flagger), removed under the law 2 h and 1 h later, referred to DE
        kase("CR-RU25-X1", SPEECH);
        notice("CR-RU25-X1", "SOURCE_ARTICLE_16", SPEECH, "2025-03-03T10:00:00Z");
        notice("CR-RU25-X1", "SOURCE_TRUSTED_FLAGGER", SPEECH, "2025-03-03T11:00:00Z");
        long x1 = decision("CR-RU25-X1", "REVIEW", "REMOVE", "ILLEGAL_CONTENT", "2025-03-03T12:00:00Z", null);
        referral("CR-RU25-X1", x1, "DE", "2025-03-03T12:00:00Z");
        // X2: restricted under the Terms of Service after 6 h; a complaint reverses it a day later
        kase("CR-RU25-X2", SCAMS);
        notice("CR-RU25-X2", "SOURCE_ARTICLE_16", SCAMS, "2025-03-10T00:00:00Z");
        long x2 = decision("CR-RU25-X2", "REVIEW", "RESTRICT", "INCOMPATIBLE_CONTENT", "2025-03-10T06:00:00Z", null);
        complaint("CR-RU25-X2", x2, "2025-03-11T00:00:00Z", "REVERSED", "2025-03-12T00:00:00Z");
        decision("CR-RU25-X2", "REVERSAL", "NO_ACTION", null, "2025-03-12T00:00:00Z", x2);
        measure("NOTIFIER", "SUSPENSION", "2025-03-15T00:00:00Z");

        ModerationRollup.Result result = rollup.rollUp();

        assertThat(result.rolledUpUntil()).isAfter(LocalDate.of(2025, 3, 31));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_report_month WHERE report_month = 202503").query(Long.class).single())
                .as("March 2025 is complete: its month rows").isPositive();

        ModerationFigures rolled = figures.compute(MARCH_2025);
        ModerationFigures exact = figures.computeExact(MARCH_2025);
        assertThat(rolled).usingRecursiveComparison()
                .ignoringFields("actions.medianTimeToDecisionSeconds", "complaints.medianTimeToDecisionSeconds")
                .isEqualTo(exact);
        assertThat(exact.actions().medianTimeToDecisionSeconds()).as("waits of 2 h, 1 h and 6 h").isEqualTo(7200L);
        assertThat(rolled.actions().medianTimeToDecisionSeconds()).isCloseTo(7200L, withinPercentage(1));
        assertThat(rolled.complaints().medianTimeToDecisionSeconds()).isCloseTo(86_400L, withinPercentage(1));

        ResponseEntity<String> response = http.getForEntity("/api/transparency/report?from=2025-03-01&to=2025-03-31", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode m = json.readTree(response.getBody()).get("moderation");
        assertThat(m.at("/notices/total").asLong()).isEqualTo(3);
        assertThat(m.at("/notices/byTrustedFlaggers").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/decisions").asLong()).isEqualTo(2);
        assertThat(m.at("/actions/byType/REMOVE").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/byType/RESTRICT").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/byGround/ILLEGAL_CONTENT").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/byGround/INCOMPATIBLE_CONTENT").asLong()).isEqualTo(1);
        assertThat(m.at("/actions/reversals").asLong()).isEqualTo(1);
        assertThat(m.at("/complaints/received").asLong()).isEqualTo(1);
        assertThat(m.at("/complaints/reversed").asLong()).isEqualTo(1);
        assertThat(m.at("/suspensions/notifiers").asLong()).isEqualTo(1);
        assertThat(m.at("/referrals/total").asLong()).isEqualTo(1);
        assertThat(m.at("/blockedPerDay/2").toString()).isEqualTo("{\"day\":\"2025-03-03\",\"blocked\":1,\"lifted\":0}");
        assertThat(m.at("/blockedPerDay/11").toString()).isEqualTo("{\"day\":\"2025-03-12\",\"blocked\":0,\"lifted\":1}");
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private void kase(String caseNumber, String category) {
        rows.kase(caseNumber, category, at("2025-03-01T00:00:00Z"));
    }

    private void notice(String caseNumber, String source, String category, String receivedAt) {
        rows.notice(caseNumber, source, category, at(receivedAt));
    }

    private long decision(String caseNumber, String kind, String decision, String ground, String decidedAt, Long reverses) {
        return rows.decision(caseNumber, kind, decision, ground, at(decidedAt), reverses);
    }

    private void complaint(String caseNumber, long decisionId, String receivedAt, String status, String decidedAt) {
        rows.complaint(caseNumber, decisionId, at(receivedAt), status, at(decidedAt));
    }

    private void measure(String partyKind, String measure, String createdAt) {
        rows.measure(partyKind, measure, at(createdAt));
    }

    private void referral(String caseNumber, long decisionId, String country, String createdAt) {
        rows.referral(caseNumber, decisionId, country, at(createdAt));
    }
}
