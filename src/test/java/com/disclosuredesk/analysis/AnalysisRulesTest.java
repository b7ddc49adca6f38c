package com.disclosuredesk.analysis;

import static com.disclosuredesk.order.DataCategory.CONTACTS;
import static com.disclosuredesk.order.DataCategory.IP_ADDRESS;
import static com.disclosuredesk.order.DataCategory.MESSAGE_CONTENT;
import static com.disclosuredesk.order.DataCategory.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.process.AnalysisDecision;
import com.disclosuredesk.process.InvalidTaskInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysisRulesTest {

    private static final String REASONING = "Suspect named in a drug trafficking case; court order in force.";
    private static final Set<DataCategory> REQUESTED = EnumSet.of(IP_ADDRESS, PHONE_NUMBER);

    private static InvalidTaskInputException refused(AnalysisDecision decision, String reasoning, Set<DataCategory> approved,
                                                     Set<DataCategory> requested, String analyst) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> AnalysisRules.check(decision, reasoning, approved, requested, analyst));
        assertThat(thrown).isInstanceOf(InvalidTaskInputException.class);
        return (InvalidTaskInputException) thrown;
    }

    @Test
    void discloseReturnsTheApprovedCategories() {
        assertThat(AnalysisRules.check(AnalysisDecision.DISCLOSE, REASONING, EnumSet.of(IP_ADDRESS), REQUESTED, "analyst"))
                .containsExactly(IP_ADDRESS);
        assertThat(AnalysisRules.check(AnalysisDecision.DISCLOSE, REASONING, REQUESTED, REQUESTED, "analyst"))
                .containsExactlyInAnyOrder(IP_ADDRESS, PHONE_NUMBER);
    }

    @Test
    void rejectApprovesNothingWhateverCategoriesWereChosen() {
        assertThat(AnalysisRules.check(AnalysisDecision.REJECT, REASONING, EnumSet.of(CONTACTS, IP_ADDRESS), REQUESTED, "analyst"))
                .isEmpty();
        assertThat(AnalysisRules.check(AnalysisDecision.REJECT, REASONING, EnumSet.noneOf(DataCategory.class), REQUESTED,
                "analyst")).isEmpty();
    }

    @Test
    void analysisWithoutSignedInAnalystIsRefused() {
        InvalidTaskInputException e = refused(AnalysisDecision.DISCLOSE, REASONING, REQUESTED, REQUESTED, null);

        assertThat(e.variable()).isEqualTo("analysedBy");
        assertThat(e).hasMessageStartingWith("analysedBy: ").hasMessageContaining("signed-in analyst");
    }

    @Test
    void missingDecisionIsRefused() {
        InvalidTaskInputException e = refused(null, REASONING, REQUESTED, REQUESTED, "analyst");

        assertThat(e.variable()).isEqualTo("analysisDecision");
        assertThat(e).hasMessageStartingWith("analysisDecision: ").hasMessageContaining("DISCLOSE, REJECT or NEED_INFO");
    }

    @Test
    void needInfoWithoutSayingWhatIsMissingIsRefused() {
        InvalidTaskInputException e = assertThrows(InvalidTaskInputException.class, () -> AnalysisRules.check(
                AnalysisDecision.NEED_INFO, REASONING, REQUESTED, REQUESTED, "analyst", "  short "));

        assertThat(e.variable()).isEqualTo("informationRequested");
        assertThat(e).hasMessageContaining("NEED_INFO");
    }

    @Test
    void needInfoSayingWhatIsMissingApprovesNothing() {
        assertThat(AnalysisRules.check(AnalysisDecision.NEED_INFO, REASONING, REQUESTED, REQUESTED, "analyst",
                "Send the signed order document and its SHA-256 digest.")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankReasoningIsRefused(String reasoning) {
        InvalidTaskInputException e = refused(AnalysisDecision.REJECT, reasoning, REQUESTED, REQUESTED, "analyst");

        assertThat(e.variable()).isEqualTo("legalReasoning");
        assertThat(e).hasMessage("legalReasoning: is required");
    }

    @Test
    void missingReasoningIsRefused() {
        InvalidTaskInputException e = refused(AnalysisDecision.DISCLOSE, null, REQUESTED, REQUESTED, "analyst");

        assertThat(e).hasMessage("legalReasoning: is required");
    }

    @Test
    void shortReasoningIsRefusedEvenWhenPaddedWithSpaces() {
        String nineteen = "x".repeat(AnalysisRules.MIN_REASONING_LENGTH - 1);
        InvalidTaskInputException e = refused(AnalysisDecision.REJECT, "   " + nineteen + "   ", REQUESTED, REQUESTED, "analyst");

        assertThat(e.variable()).isEqualTo("legalReasoning");
        assertThat(e).hasMessageContaining("legalReasoning").hasMessageContaining("at least 20 characters");
    }

    @Test
    void reasoningOfExactlyTheMinimumLengthIsAccepted() {
        String twenty = "x".repeat(AnalysisRules.MIN_REASONING_LENGTH);

        assertThat(AnalysisRules.check(AnalysisDecision.REJECT, twenty, REQUESTED, REQUESTED, "analyst")).isEmpty();
    }

    @Test
    void discloseWithoutCategoriesIsRefused() {
        InvalidTaskInputException e = refused(AnalysisDecision.DISCLOSE, REASONING, EnumSet.noneOf(DataCategory.class),
                REQUESTED, "analyst");

        assertThat(e.variable()).isEqualTo("approvedCategories");
        assertThat(e).hasMessageStartingWith("approvedCategories: ").hasMessageContaining("at least one category");
    }

    @ParameterizedTest
    @EnumSource(value = DataCategory.class, names = {"MESSAGE_CONTENT", "CONTACTS", "DEVICE_INFORMATION", "USERNAME_HISTORY"})
    void categoriesOutsidePolicyCannotBeApprovedEvenWhenRequested(DataCategory category) {
        Set<DataCategory> requested = EnumSet.of(IP_ADDRESS, category);

        InvalidTaskInputException e = refused(AnalysisDecision.DISCLOSE, REASONING, EnumSet.of(IP_ADDRESS, category), requested,
                "analyst");

        assertThat(e.variable()).isEqualTo("approvedCategories");
        assertThat(e).hasMessageStartingWith("approvedCategories: [" + category + "] cannot be approved");
    }

    @Test
    void categoryTheOrderDidNotRequestCannotBeApproved() {
        InvalidTaskInputException e = refused(AnalysisDecision.DISCLOSE, REASONING, EnumSet.of(IP_ADDRESS, PHONE_NUMBER),
                EnumSet.of(IP_ADDRESS), "analyst");

        assertThat(e.variable()).isEqualTo("approvedCategories");
        assertThat(e).hasMessageStartingWith("approvedCategories: [PHONE_NUMBER] cannot be approved");
    }

    @Test
    void everyCategoryThatCannotBeApprovedIsNamed() {
        assertThatThrownBy(() -> AnalysisRules.check(AnalysisDecision.DISCLOSE, REASONING,
                EnumSet.of(IP_ADDRESS, PHONE_NUMBER, MESSAGE_CONTENT), EnumSet.of(IP_ADDRESS, MESSAGE_CONTENT), "analyst"))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining("[PHONE_NUMBER, MESSAGE_CONTENT]");
    }

    @Test
    void analystIsCheckedBeforeDecisionAndDecisionBeforeReasoning() {
        assertThat(refused(null, null, REQUESTED, REQUESTED, null).variable()).isEqualTo("analysedBy");
        assertThat(refused(null, null, REQUESTED, REQUESTED, "analyst").variable()).isEqualTo("analysisDecision");
    }
}
