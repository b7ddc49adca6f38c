package com.disclosuredesk.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class StatementsOfReasonsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant DECIDED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-09-01T10:00:00Z");

    static StatementsOfReasons.Facts facts(String decision, String ground, String reference) {
        return new StatementsOfReasons.Facts("CR-2026-000001", "MESSAGE", "https://t.me/some_channel/4711", "DE", 3, true,
                decision, ground, reference, "The post calls for an attack on a named place and date.", DECIDED, UNTIL);
    }

    @Test
    void theStatementOfReasonsCarriesTheContentsOfArticle17() throws Exception {
        JsonNode s = JSON.readTree(StatementsOfReasons.statementOfReasons(facts("REMOVE", "ILLEGAL_CONTENT", "§ 130 StGB")));
        assertThat(s.path("type").asText()).isEqualTo("STATEMENT_OF_REASONS");
        assertThat(s.path("restriction").path("type").asText()).isEqualTo("REMOVAL");
        assertThat(s.path("restriction").path("territorialScope").asText()).isNotBlank();
        assertThat(s.path("restriction").path("duration").asText()).isEqualTo("INDEFINITE");
        assertThat(s.path("facts").path("basis").asText()).isEqualTo("NOTICE");
        assertThat(s.path("facts").path("noticeCount").asInt()).isEqualTo(3);
        assertThat(s.path("facts").path("trustedFlagger").asBoolean()).isTrue();
        assertThat(s.path("automatedMeans").path("automatedDetection").asBoolean()).isFalse();
        assertThat(s.path("automatedMeans").path("automatedDecision").asBoolean()).isFalse();
        assertThat(s.path("ground").path("legalReference").asText()).isEqualTo("§ 130 StGB");
        assertThat(s.path("ground").path("explanation").asText()).startsWith("The post calls");
        assertThat(s.path("redress").path("internalComplaint").path("how").asText())
                .isEqualTo("POST /api/content-reports/CR-2026-000001/complaints");
        assertThat(s.path("redress").path("internalComplaint").path("until").asText()).isEqualTo(UNTIL.toString());
        assertThat(s.path("redress").path("outOfCourtDisputeSettlement").asText()).contains("Art. 21");
        assertThat(s.path("redress").path("judicialRedress").asText()).contains("courts");
    }

    @Test
    void aTermsOfServiceGroundNamesTheClause() throws Exception {
        JsonNode s = JSON.readTree(StatementsOfReasons.statementOfReasons(facts("RESTRICT", "INCOMPATIBLE_CONTENT", "ToS 4.2")));
        assertThat(s.path("restriction").path("type").asText()).isEqualTo("VISIBILITY_RESTRICTION");
        assertThat(s.path("ground").path("termsClause").asText()).isEqualTo("ToS 4.2");
        assertThat(s.path("ground").has("legalReference")).isFalse();
    }

    @Test
    void notifiersGetTheDecisionAndTheirRedress() throws Exception {
        JsonNode d = JSON.readTree(StatementsOfReasons.notifierDecision(facts("NO_ACTION", null, null)));
        assertThat(d.path("type").asText()).isEqualTo("DECISION");
        assertThat(d.path("decision").asText()).isEqualTo("NO_ACTION");
        assertThat(d.path("text").asText()).contains("no action was taken");
        assertThat(d.path("redress").path("internalComplaint").path("by").asText()).isEqualTo("NOTIFIER");
        assertThat(d.path("redress").path("outOfCourtDisputeSettlement").asText()).contains("Art. 21");
    }

    @Test
    void aReversalIsANewStatementLiftingTheRestriction() throws Exception {
        JsonNode r = JSON.readTree(StatementsOfReasons.reversal(facts("REMOVE", "ILLEGAL_CONTENT", "§ 130 StGB"),
                "The post quotes a news report and does not call for violence.", DECIDED.plusSeconds(3600)));
        assertThat(r.path("type").asText()).isEqualTo("STATEMENT_OF_REASONS");
        assertThat(r.path("decision").asText()).isEqualTo("NO_ACTION");
        assertThat(r.path("reverses").asText()).isEqualTo("REMOVE");
        assertThat(r.path("restriction").path("type").asText()).isEqualTo("NONE");
        assertThat(r.path("reasoning").asText()).startsWith("The post quotes");
    }

    @Test
    void theComplaintAnswerNamesOutOfCourtSettlementAndTheCourts() throws Exception {
        JsonNode a = JSON.readTree(StatementsOfReasons.complaintOutcome("CR-2026-000001", 7, "UPHELD",
                "The content calls for violence; the decision stands.", "REMOVE", DECIDED));
        assertThat(a.path("type").asText()).isEqualTo("COMPLAINT_OUTCOME");
        assertThat(a.path("outcome").asText()).isEqualTo("UPHELD");
        assertThat(a.path("redress").path("outOfCourtDisputeSettlement").asText()).contains("Art. 21");
        assertThat(a.path("redress").path("judicialRedress").asText()).contains("courts");
    }

    @Test
    void aBodyQuotingTheLongestExplanationFitsTheMessageColumn() {
        String longest = "\"".repeat(ReviewRules.MAX_EXPLANATION);
        StatementsOfReasons.Facts f = new StatementsOfReasons.Facts("CR-2026-000001", "MESSAGE", "x".repeat(600), "DE", 1,
                false, "REMOVE", "ILLEGAL_CONTENT", "r".repeat(500), longest, DECIDED, UNTIL);
        assertThat(StatementsOfReasons.statementOfReasons(f).length()).isLessThanOrEqualTo(8000);
        assertThat(StatementsOfReasons.notifierDecision(f).length()).isLessThanOrEqualTo(8000);
        assertThat(StatementsOfReasons.reversal(f, "\"".repeat(com.disclosuredesk.complaint.ComplaintRules.MAX_REASONING), DECIDED)
                .length()).isLessThanOrEqualTo(8000);
        assertThat(StatementsOfReasons.complaintOutcome("CR-2026-000001", 1, "UPHELD",
                "\"".repeat(com.disclosuredesk.complaint.ComplaintRules.MAX_REASONING), "REMOVE", DECIDED).length()).isLessThanOrEqualTo(8000);
    }
}
