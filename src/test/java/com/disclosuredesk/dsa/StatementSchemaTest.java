package com.disclosuredesk.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's JSON Schema of a Transparency Database statement (src/main/resources/dsa/statement.schema.json):
 * the example of the Database's API documentation (adapted to one ground) passes; each always-required field, each
 * conditional requirement and each closed list is named when broken; violations never carry the value.
 */
class StatementSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StatementSchema schema = new StatementSchema();

    /** A valid statement, close to the API documentation's example payload. */
    static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"decision_visibility": ["DECISION_VISIBILITY_CONTENT_DISABLED"],
                 "decision_monetary": "DECISION_MONETARY_TERMINATION",
                 "end_date_monetary_restriction": "2023-08-08",
                 "decision_provision": "DECISION_PROVISION_TOTAL_SUSPENSION",
                 "decision_account": "DECISION_ACCOUNT_SUSPENDED",
                 "account_type": "ACCOUNT_TYPE_BUSINESS",
                 "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                 "decision_ground_reference_url": "https://www.anurl.com",
                 "content_type": ["CONTENT_TYPE_VIDEO", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_SYNTHETIC_MEDIA"],
                 "category": "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
                 "category_specification": ["KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN"],
                 "incompatible_content_ground": "incompatible content grounds",
                 "incompatible_content_explanation": "incompatible content explanation",
                 "incompatible_content_illegal": "Yes",
                 "territorial_scope": ["PT", "ES", "DE"],
                 "content_language": "EN",
                 "content_date": "2023-08-08",
                 "content_id": {"EAN-13": "0123456789123"},
                 "application_date": "2023-08-08",
                 "decision_facts": "facts about the decision",
                 "source_type": "SOURCE_TRUSTED_FLAGGER",
                 "automated_detection": "No",
                 "automated_decision": "AUTOMATED_DECISION_PARTIALLY",
                 "puid": "TK421"}""");
    }

    @Test
    void theDocumentationsExampleIsValid() throws Exception {
        assertThat(schema.violations(valid())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"decision_ground", "content_type", "category", "decision_facts", "content_date",
            "application_date", "source_type", "automated_detection", "automated_decision", "puid", "territorial_scope"})
    void eachRequiredFieldIsNamedWhenMissing(String field) throws Exception {
        ObjectNode s = valid();
        s.remove(field);
        assertThat(schema.violations(s)).contains(field + ": required");
    }

    @Test
    void atLeastOneRestrictionIsRequired() throws Exception {
        ObjectNode s = valid();
        s.remove(List.of("decision_visibility", "decision_monetary", "decision_provision", "decision_account",
                "end_date_monetary_restriction"));
        assertThat(schema.violations(s)).isNotEmpty().anySatisfy(v -> assertThat(v).startsWith("decision_visibility: required"));
        s.putArray("decision_visibility").add("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(schema.violations(s)).isEmpty();
    }

    @Test
    void theGroundsFieldsAreRequiredByTheGroundAndTheOtherGroundsAreRefused() throws Exception {
        ObjectNode incompatible = valid();
        incompatible.remove("incompatible_content_explanation");
        assertThat(schema.violations(incompatible)).contains("incompatible_content_explanation: required");

        ObjectNode illegal = valid();
        illegal.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(schema.violations(illegal)).contains("illegal_content_legal_ground: required",
                "illegal_content_explanation: required");
        illegal.remove(List.of("incompatible_content_ground", "incompatible_content_explanation", "incompatible_content_illegal"));
        illegal.put("illegal_content_legal_ground", "§ 129a StGB");
        illegal.put("illegal_content_explanation", "The post calls for an attack.");
        assertThat(schema.violations(illegal)).isEmpty();
        illegal.put("incompatible_content_ground", "Terms 4.2");
        assertThat(schema.violations(illegal)).isNotEmpty();
    }

    @Test
    void otherValuesNeedTheirText() throws Exception {
        ObjectNode s = valid();
        s.putArray("content_type").add("CONTENT_TYPE_OTHER");
        assertThat(schema.violations(s)).contains("content_type_other: required");
        s.put("content_type_other", "Telegram channel");
        assertThat(schema.violations(s)).isEmpty();
        s.putArray("content_type").add("CONTENT_TYPE_TEXT");
        assertThat(schema.violations(s)).as("content_type_other only with CONTENT_TYPE_OTHER").isNotEmpty();

        ObjectNode v = valid();
        v.putArray("decision_visibility").add("DECISION_VISIBILITY_OTHER");
        assertThat(schema.violations(v)).contains("decision_visibility_other: required");
        v.put("decision_visibility_other", "x".repeat(501));
        assertThat(schema.violations(v)).contains("decision_visibility_other: maxLength");
    }

    @Test
    void closedListsAndFormatsAreEnforced() throws Exception {
        ObjectNode s = valid();
        s.put("category", "STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT"); // v1 only
        s.putArray("category_specification").add("KEYWORD_GENDER_BASED_VIOLENCE"); // v1 only
        s.putArray("territorial_scope").add("EL"); // the Database uses GR for Greece
        s.put("content_language", "en");
        s.put("content_date", "1999-12-31");
        s.put("application_date", "2023-8-8");
        s.put("puid", "case 12/3");
        s.put("automated_detection", "no");
        assertThat(schema.violations(s)).contains("category: enum", "category_specification[0]: enum",
                "territorial_scope[0]: enum", "content_language: enum", "content_date: pattern", "application_date: pattern",
                "puid: pattern", "automated_detection: enum");
        s.put("puid", "x".repeat(501));
        assertThat(schema.violations(s)).contains("puid: maxLength");
    }

    @Test
    void unknownFieldsAndTheSourceIdentityAreRefused() throws Exception {
        ObjectNode s = valid();
        s.put("decison_facts", "misspelt");
        s.put("source_identity", "A. Reporter");
        assertThat(schema.violations(s)).contains("decison_facts: not allowed", "source_identity: not allowed");
    }

    @Test
    void violationsNeverCarryTheValue() throws Exception {
        ObjectNode s = valid();
        s.put("puid", "Zelda Quixotebright");
        s.put("category", "Zelda-category");
        s.put("decision_facts", "Zelda".repeat(1001));
        List<String> violations = schema.violations(s);
        assertThat(violations).hasSize(3);
        assertThat(String.join(" ", violations)).doesNotContain("Zelda");
        assertThatThrownBy(() -> schema.check(s, "decision 7 of case CR-2026-000001"))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("decision 7 of case CR-2026-000001")
                .hasMessageContaining("puid: pattern")
                .hasMessageNotContaining("Zelda");
    }
}
