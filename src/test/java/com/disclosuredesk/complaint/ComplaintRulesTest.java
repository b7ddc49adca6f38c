package com.disclosuredesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disclosuredesk.process.FourEyesViolationException;
import com.disclosuredesk.process.InvalidTaskInputException;

import org.junit.jupiter.api.Test;

class ComplaintRulesTest {

    @Test
    void theModeratorWhoDecidedNeverReviewsTheComplaint() {
        assertThatThrownBy(() -> ComplaintRules.checkFourEyes("moderator", "moderator"))
                .isInstanceOf(FourEyesViolationException.class).hasMessageContaining("Four-eyes");
        assertThatThrownBy(() -> ComplaintRules.checkFourEyes(null, "moderator")).isInstanceOf(FourEyesViolationException.class);
        ComplaintRules.checkFourEyes("moderator2", "moderator");
    }

    @Test
    void anOutcomeAndAReasoningAreRequired() {
        assertThat(ComplaintRules.check("UPHOLD", "  The content calls for violence; it stays removed.  "))
                .isEqualTo("The content calls for violence; it stays removed.");
        assertThatThrownBy(() -> ComplaintRules.check(null, "The content calls for violence; it stays removed."))
                .isInstanceOf(InvalidTaskInputException.class).hasMessageStartingWith("complaintDecision");
        assertThatThrownBy(() -> ComplaintRules.check("IGNORE", "The content calls for violence; it stays removed."))
                .isInstanceOf(InvalidTaskInputException.class).hasMessageStartingWith("complaintDecision");
        assertThatThrownBy(() -> ComplaintRules.check("REVERSE", "ok"))
                .isInstanceOf(InvalidTaskInputException.class).hasMessageStartingWith("complaintReasoning");
    }
}
