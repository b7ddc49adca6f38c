package com.disclosuredesk.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disclosuredesk.process.InvalidTaskInputException;

import org.junit.jupiter.api.Test;

class ReviewRulesTest {

    static final String EXPLANATION = "The post calls for an attack on a named place and date.";

    @Test
    void toActAGroundItsReferenceAndAnExplanationAreRequired() {
        ReviewRules.Review review = ReviewRules.check("REMOVE", "ILLEGAL_CONTENT", " § 130 StGB ", EXPLANATION, "true");
        assertThat(review).isEqualTo(new ReviewRules.Review("REMOVE", "ILLEGAL_CONTENT", "§ 130 StGB", EXPLANATION, true));
        refused(() -> ReviewRules.check("REMOVE", null, "§ 130 StGB", EXPLANATION, false), "decisionGround");
        refused(() -> ReviewRules.check("RESTRICT", "INCOMPATIBLE_CONTENT", " ", EXPLANATION, false), "groundReference");
        refused(() -> ReviewRules.check("RESTRICT", "INCOMPATIBLE_CONTENT", "ToS 4.2", "too short", false), "decisionExplanation");
        refused(() -> ReviewRules.check("RESTRICT", "INCOMPATIBLE_CONTENT", "ToS 4.2", "x".repeat(2001), false), "decisionExplanation");
        refused(() -> ReviewRules.check("RESTRICT", "SOMETHING", "ToS 4.2", EXPLANATION, false), "decisionGround");
    }

    @Test
    void noActionTakesNeitherGroundNorReference() {
        assertThat(ReviewRules.check("NO_ACTION", null, null, null, null))
                .isEqualTo(new ReviewRules.Review("NO_ACTION", null, null, "", false));
        refused(() -> ReviewRules.check("NO_ACTION", "ILLEGAL_CONTENT", null, null, false), "decisionGround");
        refused(() -> ReviewRules.check("NO_ACTION", null, "§ 1", null, false), "groundReference");
    }

    @Test
    void theDecisionMustBeOneOfTheContract() {
        refused(() -> ReviewRules.check(null, null, null, null, false), "moderationDecision");
        refused(() -> ReviewRules.check("DELETE_ACCOUNT", null, null, null, false), "moderationDecision");
    }

    @Test
    void threatToLifeIsABoolean() {
        assertThat(ReviewRules.threatToLife(Boolean.TRUE)).isTrue();
        assertThat(ReviewRules.threatToLife("false")).isFalse();
        assertThat(ReviewRules.threatToLife(null)).isFalse();
        refused(() -> ReviewRules.threatToLife("yes"), "threatToLife");
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidTaskInputException.class)
                .satisfies(e -> assertThat(((InvalidTaskInputException) e).variable()).isEqualTo(field));
    }
}
