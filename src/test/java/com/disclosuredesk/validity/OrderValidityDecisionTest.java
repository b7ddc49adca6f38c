package com.disclosuredesk.validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table tests of the decision {@code order-validity} (processes/order-validity.dmn) on a standalone DMN
 * engine. Inputs are built with {@link PolicyFacts#asVariables()}, so a renamed Java input breaks these tests.
 */
class OrderValidityDecisionTest {

    private static final List<DmnDecisionTableEvaluationEvent> EVENTS = new ArrayList<>();
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        DmnDecisionTableEvaluationListener recorder = EVENTS::add;
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recorder))
                .buildEngine();
        try (InputStream dmn = OrderValidityDecisionTest.class.getResourceAsStream("/order-validity.dmn")) {
            assertThat(dmn).as("order-validity.dmn on the classpath root").isNotNull();
            decision = engine.parseDecision("order-validity", dmn);
        }
    }

    @BeforeEach
    void clearEvents() {
        EVENTS.clear();
    }

    /** A court order for IP addresses and phone numbers of a suspect in a drug trafficking case. */
    static PolicyFacts validCourtOrder() {
        return new PolicyFacts("COURT", "COURT_ORDER", "DRUG_TRAFFICKING", true, false, false, true, "");
    }

    private static PolicyFacts with(UnaryOperator<Facts> change) {
        return change.apply(new Facts(validCourtOrder())).build();
    }

    private DmnDecisionTableResult evaluate(PolicyFacts facts) {
        return engine.evaluateDecisionTable(decision, facts.asVariables());
    }

    /** Ids of the rules that matched in the last evaluation. */
    private static List<String> matchedRuleIds() {
        assertThat(EVENTS).hasSize(1);
        return EVENTS.get(0).getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("Rule_IssuerUnknown", with(f -> f.issuerType("OTHER")), "INVALID",
                        List.of("not a judicial authority", "court")),
                Arguments.of("Rule_PoliceOnlyEmergency", with(f -> f.issuerType("POLICE")), "INVALID",
                        List.of("police", "emergency request")),
                Arguments.of("Rule_ProsecutorOnlyEpoc", with(f -> f.issuerType("PROSECUTOR")), "INVALID",
                        List.of("prosecutor", "European Production Order")),
                Arguments.of("Rule_EmergencyRequestNotEmergency",
                        with(f -> f.orderType("EMERGENCY_REQUEST").emergency(false)), "INVALID",
                        List.of("emergency request", "danger to life")),
                Arguments.of("Rule_EmergencyFactsMissing", with(f -> f.emergency(true).emergencyFactsGiven(false)),
                        "INCOMPLETE", List.of("emergency", "facts")),
                Arguments.of("Rule_OffenceNotInTermsOfService", with(f -> f.offence("DEFAMATION")), "INVALID",
                        List.of("DEFAMATION", "Terms of Service")),
                Arguments.of("Rule_NotASuspect", with(f -> f.suspectConfirmed(false)), "INVALID",
                        List.of("suspect")),
                Arguments.of("Rule_CategoriesOutsidePolicy", with(f -> f.outOfPolicyCategories("CONTACTS, MESSAGE_CONTENT")),
                        "INVALID", List.of("CONTACTS, MESSAGE_CONTENT", "IP addresses and phone numbers")),
                Arguments.of("Rule_DocumentDigestMissing", with(f -> f.documentDigestGiven(false)), "INCOMPLETE",
                        List.of("SHA-256", "missing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void eachRuleFiresAloneOnItsViolation(String ruleId, PolicyFacts facts, String outcome, List<String> keyWords) {
        DmnDecisionTableResult result = evaluate(facts);

        assertThat(matchedRuleIds()).containsExactly(ruleId);
        assertThat(result.getResultList()).hasSize(1);
        Map<String, Object> row = result.getSingleResult().getEntryMap();
        assertThat(row).containsOnlyKeys("outcome", "reason").containsEntry("outcome", outcome);
        assertThat((String) row.get("reason")).isNotBlank();
        keyWords.forEach(word -> assertThat((String) row.get("reason")).containsIgnoringCase(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEFAMATION", "POLITICAL_ACTIVITY", "COPYRIGHT_INFRINGEMENT", "OTHER"})
    void everyOffenceOutsideTheTermsOfServiceIsRefusedByName(String offence) {
        DmnDecisionTableResult result = evaluate(with(f -> f.offence(offence)));

        assertThat(matchedRuleIds()).containsExactly("Rule_OffenceNotInTermsOfService");
        assertThat(result.getSingleResult().<String>getEntry("reason")).contains("(" + offence + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERRORISM", "CHILD_SEXUAL_ABUSE_MATERIAL", "DRUG_TRAFFICKING", "FRAUD", "CYBERCRIME",
            "MONEY_LAUNDERING", "VIOLENT_THREATS", "HUMAN_TRAFFICKING", "WEAPONS_TRAFFICKING", "EXTORTION"})
    void offencesThatViolateTheTermsOfServicePass(String offence) {
        assertThat(evaluate(with(f -> f.offence(offence))).getResultList()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"COURT, PRESERVATION_REQUEST", "POLICE, PRESERVATION_REQUEST", "PROSECUTOR, EU_PRESERVATION_ORDER",
            "INVESTIGATING_JUDGE, EU_PRESERVATION_ORDER"})
    void preservationOrdersFreezeDataAndPassThePolicy(String issuer, String orderType) {
        assertThat(evaluate(with(f -> f.issuerType(issuer).orderType(orderType))).getResultList()).isEmpty();
    }

    @Test
    void policeMayNotIssueAnEuPreservationOrder() {
        evaluate(with(f -> f.issuerType("POLICE").orderType("EU_PRESERVATION_ORDER")));
        assertThat(matchedRuleIds()).containsExactly("Rule_PoliceOnlyEmergency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COURT", "JUDGE", "INVESTIGATING_JUDGE"})
    void validOrderOfAJudicialAuthorityYieldsNoRow(String issuer) {
        DmnDecisionTableResult result = evaluate(with(f -> f.issuerType(issuer)));

        assertThat(result.getResultList()).isEmpty();
        assertThat(matchedRuleIds()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"COURT_ORDER", "SEARCH_WARRANT", "SUBPOENA", "EU_PRODUCTION_ORDER"})
    void courtMayIssueEveryProductionOrderType(String orderType) {
        assertThat(evaluate(with(f -> f.orderType(orderType))).getResultList()).isEmpty();
    }

    @Test
    void policeEmergencyRequestWithStatedFactsYieldsNoRow() {
        PolicyFacts facts = with(f -> f.issuerType("POLICE").orderType("EMERGENCY_REQUEST").emergency(true)
                .emergencyFactsGiven(true));

        assertThat(evaluate(facts).getResultList()).isEmpty();
        assertThat(matchedRuleIds()).isEmpty();
    }

    @Test
    void prosecutorsEuProductionOrderYieldsNoRow() {
        PolicyFacts facts = with(f -> f.issuerType("PROSECUTOR").orderType("EU_PRODUCTION_ORDER"));

        assertThat(evaluate(facts).getResultList()).isEmpty();
        assertThat(matchedRuleIds()).isEmpty();
    }

    @Test
    void policeEmergencyRequestWithoutFactsIsOnlyIncomplete() {
        PolicyFacts facts = with(f -> f.issuerType("POLICE").orderType("EMERGENCY_REQUEST").emergency(true)
                .emergencyFactsGiven(false));

        DmnDecisionTableResult result = evaluate(facts);

        assertThat(matchedRuleIds()).containsExactly("Rule_EmergencyFactsMissing");
        assertThat(result.collectEntries("outcome")).containsExactly("INCOMPLETE");
    }

    @Test
    void severalViolationsYieldAllTheirRowsInTableOrder() {
        PolicyFacts facts = new PolicyFacts("POLICE", "SUBPOENA", "COPYRIGHT_INFRINGEMENT", false, true, false,
                false, "CONTACTS");

        DmnDecisionTableResult result = evaluate(facts);

        assertThat(matchedRuleIds()).containsExactly(
                "Rule_PoliceOnlyEmergency",
                "Rule_EmergencyFactsMissing",
                "Rule_OffenceNotInTermsOfService",
                "Rule_NotASuspect",
                "Rule_CategoriesOutsidePolicy",
                "Rule_DocumentDigestMissing");
        assertThat(result.getResultList())
                .extracting(row -> row.get("outcome"))
                .containsExactly("INVALID", "INCOMPLETE", "INVALID", "INVALID", "INVALID", "INCOMPLETE");
        assertThat(result.<String>collectEntries("reason"))
                .anySatisfy(reason -> assertThat(reason).contains("COPYRIGHT_INFRINGEMENT"))
                .anySatisfy(reason -> assertThat(reason).contains("asks for CONTACTS."));
    }

    @Test
    void issuerOtherAndPoliceRulesDoNotOverlap() {
        evaluate(with(f -> f.issuerType("OTHER").orderType("EMERGENCY_REQUEST").emergency(true).emergencyFactsGiven(true)));

        assertThat(matchedRuleIds()).containsExactly("Rule_IssuerUnknown");
    }

    @Test
    void everyTableInputReceivesTheValueOfItsJavaFact() {
        PolicyFacts facts = new PolicyFacts("JUDGE", "SEARCH_WARRANT", "FRAUD", true, true, false, true, "CONTACTS");

        evaluate(facts);

        List<Object> evaluatedInputs = EVENTS.get(0).getInputs().stream()
                .map(input -> input.getValue().getValue())
                .toList();
        assertThat(evaluatedInputs)
                .doesNotContainNull()
                .containsExactlyElementsOf(facts.asVariables().values());
    }

    @Test
    void toFindingsMapsResultRowsToFindingsInOrder() {
        DmnDecisionTableResult result = evaluate(with(f -> f.offence("OTHER").documentDigestGiven(false)));

        List<Finding> findings = EngineDecisionPolicyTable.toFindings(result.getResultList());

        assertThat(findings)
                .extracting(Finding::outcome, Finding::reason)
                .containsExactly(
                        tuple(ValidityOutcome.INVALID,
                                "The offence named (OTHER) is not a criminal activity that violates the Terms of Service."),
                        tuple(ValidityOutcome.INCOMPLETE, "The SHA-256 digest of the signed order document is missing."));
    }

    @Test
    void toFindingsOfNoRowsIsEmpty() {
        assertThat(EngineDecisionPolicyTable.toFindings(List.of())).isEmpty();
    }

    /** Mutable copy of the facts, for readable variations of the valid order. */
    static final class Facts {
        private String issuerType;
        private String orderType;
        private String offence;
        private boolean suspectConfirmed;
        private boolean emergency;
        private boolean emergencyFactsGiven;
        private boolean documentDigestGiven;
        private String outOfPolicyCategories;

        Facts(PolicyFacts f) {
            issuerType = f.issuerType();
            orderType = f.orderType();
            offence = f.offence();
            suspectConfirmed = f.suspectConfirmed();
            emergency = f.emergency();
            emergencyFactsGiven = f.emergencyFactsGiven();
            documentDigestGiven = f.documentDigestGiven();
            outOfPolicyCategories = f.outOfPolicyCategories();
        }

        Facts issuerType(String v) { issuerType = v; return this; }
        Facts orderType(String v) { orderType = v; return this; }
        Facts offence(String v) { offence = v; return this; }
        Facts suspectConfirmed(boolean v) { suspectConfirmed = v; return this; }
        Facts emergency(boolean v) { emergency = v; return this; }
        Facts emergencyFactsGiven(boolean v) { emergencyFactsGiven = v; return this; }
        Facts documentDigestGiven(boolean v) { documentDigestGiven = v; return this; }
        Facts outOfPolicyCategories(String v) { outOfPolicyCategories = v; return this; }

        PolicyFacts build() {
            return new PolicyFacts(issuerType, orderType, offence, suspectConfirmed, emergency, emergencyFactsGiven,
                    documentDigestGiven, outOfPolicyCategories);
        }
    }
}
