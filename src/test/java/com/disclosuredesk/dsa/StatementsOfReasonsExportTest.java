package com.disclosuredesk.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.disclosuredesk.notice.NoticeCategory;
import com.disclosuredesk.notice.NoticeSpecification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/**
 * The mapping of the application's decisions to Transparency Database statements ({@link StatementsOfReasonsExport}),
 * each kind of decision, ground and source, every result checked against the schema.
 */
class StatementsOfReasonsExportTest {

    private final StatementSchema schema = new StatementSchema();

    private static StatementsOfReasonsExport.Facts facts(String decision, String ground, boolean trusted) {
        return new StatementsOfReasonsExport.Facts("CR-2026-000042", 17, false, decision, "MESSAGE", ground,
                "ILLEGAL_CONTENT".equals(ground) ? "§ 129a StGB" : "Terms of Service 4.2", "The moderator's reasons.",
                "RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", "CONTENT_TYPE_TEXT", LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 6), trusted, 2, null);
    }

    private ObjectNode valid(StatementsOfReasonsExport.Facts f) {
        ObjectNode s = StatementsOfReasonsExport.statement(f);
        assertThat(schema.violations(s)).as(s.toString()).isEmpty();
        return s;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aRemovalOnTheLawIsContentRemovedWithTheLegalGroundAndTheModeratorsExplanation() {
        ObjectNode s = valid(facts("REMOVE", "ILLEGAL_CONTENT", false));
        assertThat(texts(s.get("decision_visibility"))).containsExactly("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(s.has("decision_account")).isFalse();
        assertThat(s.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(s.get("illegal_content_legal_ground").asText()).isEqualTo("§ 129a StGB");
        assertThat(s.get("illegal_content_explanation").asText()).isEqualTo("The moderator's reasons.");
        assertThat(s.has("incompatible_content_ground")).isFalse();
        assertThat(s.get("category").asText()).isEqualTo("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY");
        assertThat(texts(s.get("category_specification"))).containsExactly("KEYWORD_TERRORIST_CONTENT");
        assertThat(texts(s.get("content_type"))).containsExactly("CONTENT_TYPE_TEXT");
        assertThat(s.get("content_date").asText()).isEqualTo("2026-11-30");
        assertThat(s.get("application_date").asText()).isEqualTo("2026-12-06");
        assertThat(s.get("source_type").asText()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(s.get("automated_detection").asText()).isEqualTo("No");
        assertThat(s.get("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(texts(s.get("territorial_scope"))).hasSize(30).contains("DE", "GR", "IS", "LI", "NO").doesNotContain("EL");
        assertThat(s.get("puid").asText()).isEqualTo("CR-2026-000042-17");
        assertThat(s.get("decision_facts").asText()).contains("2 notices").contains("removal of the content")
                .doesNotContain("trusted flagger");
        assertThat(s.has("source_identity")).isFalse();
        assertThat(s.has("content_language")).as("the language of the content is not known").isFalse();
    }

    @Test
    void aRestrictionOnTheTermsIsAccessDisabledWithTheContractualGround() {
        ObjectNode s = valid(facts("RESTRICT", "INCOMPATIBLE_CONTENT", false));
        assertThat(texts(s.get("decision_visibility"))).containsExactly("DECISION_VISIBILITY_CONTENT_DISABLED");
        assertThat(s.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(s.get("incompatible_content_ground").asText()).isEqualTo("Terms of Service 4.2");
        assertThat(s.get("incompatible_content_explanation").asText()).isEqualTo("The moderator's reasons.");
        assertThat(s.has("illegal_content_legal_ground")).isFalse();
        assertThat(s.get("decision_facts").asText()).contains("disabling of access");
    }

    @Test
    void aTrustedFlaggersNoticeMakesTheSourceATrustedFlagger() {
        ObjectNode s = valid(facts("REMOVE", "ILLEGAL_CONTENT", true));
        assertThat(s.get("source_type").asText()).isEqualTo("SOURCE_TRUSTED_FLAGGER");
        assertThat(s.get("decision_facts").asText()).contains("trusted flagger");
    }

    @Test
    void anAccountRemovedIsAnAccountTerminated() {
        StatementsOfReasonsExport.Facts f = new StatementsOfReasonsExport.Facts("CR-2026-000043", 18, false, "REMOVE",
                "ACCOUNT", "ILLEGAL_CONTENT", "§ 263 StGB", "Reasons.", "SCAMS_AND_FRAUD", null, "CONTENT_TYPE_OTHER",
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 6), false, 1, null);
        ObjectNode s = valid(f);
        assertThat(s.get("decision_account").asText()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
        assertThat(s.has("decision_visibility")).isFalse();
        assertThat(s.get("content_type_other").asText()).isEqualTo("Telegram account");
        assertThat(s.has("category_specification")).isFalse();
        assertThat(s.get("decision_facts").asText()).contains("one notice").contains("termination of the account");
    }

    @Test
    void aReversalIsAStatementOfItsOwnNamingTheStatementItLifts() {
        StatementsOfReasonsExport.Facts f = new StatementsOfReasonsExport.Facts("CR-2026-000042", 23, true, "REMOVE",
                "CHANNEL", "ILLEGAL_CONTENT", "§ 129a StGB", "The second moderator's reasons for the reversal.",
                "RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", "CONTENT_TYPE_OTHER", LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 12, 20), false, 1, "CR-2026-000042-17");
        ObjectNode s = valid(f);
        assertThat(s.get("puid").asText()).isEqualTo("CR-2026-000042-23");
        assertThat(texts(s.get("decision_visibility"))).containsExactly("DECISION_VISIBILITY_OTHER");
        assertThat(s.get("decision_visibility_other").asText()).contains("Restriction lifted").contains("CR-2026-000042-17");
        assertThat(s.get("illegal_content_explanation").asText()).isEqualTo("The second moderator's reasons for the reversal.");
        assertThat(s.get("application_date").asText()).isEqualTo("2026-12-20");
        assertThat(s.get("content_type_other").asText()).isEqualTo("Telegram channel");
        assertThat(s.get("decision_facts").asText()).contains("reversed").contains("CR-2026-000042-17");
    }

    @Test
    void keywordsDroppedOnFirstJulyAreMappedToTheirSuccessorOrToOther() {
        StatementsOfReasonsExport.Facts fimi = new StatementsOfReasonsExport.Facts("CR-2026-000044", 19, false, "REMOVE",
                "MESSAGE", "ILLEGAL_CONTENT", "Art. 1", "Reasons.", "NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
                "FOREIGN_INFORMATION_MANIPULATION", "CONTENT_TYPE_TEXT", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 6),
                false, 1, null);
        assertThat(texts(valid(fimi).get("category_specification"))).containsExactly("KEYWORD_MISINFORMATION_DISINFORMATION");
        StatementsOfReasonsExport.Facts gbv = new StatementsOfReasonsExport.Facts("CR-2026-000045", 20, false, "REMOVE",
                "MESSAGE", "ILLEGAL_CONTENT", "Art. 1", "Reasons.", "VIOLENCE", "GENDER_BASED_VIOLENCE", "CONTENT_TYPE_TEXT",
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 6), false, 1, null);
        ObjectNode s = valid(gbv);
        assertThat(texts(s.get("category_specification"))).containsExactly("KEYWORD_OTHER");
        assertThat(s.get("category_specification_other").asText()).isEqualTo("Gender-based violence");
    }

    @Test
    void aLongExplanationIsCutToTheDatabasesLimit() {
        String long4000 = "a".repeat(4000);
        StatementsOfReasonsExport.Facts f = new StatementsOfReasonsExport.Facts("CR-2026-000046", 21, false, "REMOVE",
                "MESSAGE", "ILLEGAL_CONTENT", "§ 1", long4000, "VIOLENCE", null, "CONTENT_TYPE_VIDEO",
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 6), false, 1, null);
        String explanation = valid(f).get("illegal_content_explanation").asText();
        assertThat(explanation).hasSize(2000).endsWith("…");
    }

    @Test
    void whatTheSchemaRefusesIsNotHiddenByTheMapping() {
        // a blank explanation, a decision that restricts nothing, an unknown category: the schema names them
        StatementsOfReasonsExport.Facts blank = new StatementsOfReasonsExport.Facts("CR-2026-000047", 22, false, "REMOVE",
                "MESSAGE", "INCOMPATIBLE_CONTENT", "Terms 1", "  ", "NOT_A_CATEGORY", null, "CONTENT_TYPE_TEXT",
                LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 6), false, 1, null);
        assertThat(schema.violations(StatementsOfReasonsExport.statement(blank)))
                .contains("incompatible_content_explanation: minLength", "category: enum");
        StatementsOfReasonsExport.Facts noAction = new StatementsOfReasonsExport.Facts("CR-2026-000048", 23, false,
                "NO_ACTION", "MESSAGE", null, null, "", "VIOLENCE", null, "CONTENT_TYPE_TEXT", LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 12, 6), false, 1, null);
        assertThat(schema.violations(StatementsOfReasonsExport.statement(noAction))).contains("decision_ground: required");
    }

    @Test
    void everyCategoryAndSpecificationThatIntakeAcceptsMakesAValidStatement() {
        List<String> invalid = new ArrayList<>();
        for (NoticeCategory category : NoticeCategory.values()) {
            List<String> specifications = new ArrayList<>();
            specifications.add(null);
            for (NoticeSpecification spec : NoticeSpecification.values()) {
                if (spec.belongsTo(category)) {
                    specifications.add(spec.name());
                }
            }
            for (String spec : specifications) {
                for (String contentType : List.of("CONTENT_TYPE_TEXT", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_OTHER")) {
                    StatementsOfReasonsExport.Facts f = new StatementsOfReasonsExport.Facts("CR-2026-000050", 30, false,
                            "RESTRICT", "GROUP", "INCOMPATIBLE_CONTENT", "Terms 2", "A moderator's reasons, long enough.",
                            category.name(), spec, contentType, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 6), true, 1, null);
                    List<String> violations = schema.violations(StatementsOfReasonsExport.statement(f));
                    if (!violations.isEmpty()) {
                        invalid.add(category + "/" + spec + "/" + contentType + ": " + violations);
                    }
                }
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void thePuidKeepsToTheDatabasesCharacters() {
        assertThat(StatementsOfReasonsExport.puid("CR-2026-000001", 5)).isEqualTo("CR-2026-000001-5");
        assertThat(StatementsOfReasonsExport.puid("CR 2026/1", 5)).isEqualTo("CR-2026-1-5").matches("[a-zA-Z0-9_-]+");
    }
}
