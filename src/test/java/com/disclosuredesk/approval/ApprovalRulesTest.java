package com.disclosuredesk.approval;

import com.disclosuredesk.process.FourEyesViolationException;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.disclosuredesk.process.ApprovalDecision;
import com.disclosuredesk.process.InvalidTaskInputException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalRulesTest {

    @Test
    void anotherUserMayApprove() {
        assertThatCode(() -> ApprovalRules.checkFourEyes("approver", "analyst")).doesNotThrowAnyException();
    }

    @Test
    void analystCannotApproveTheirOwnAnalysis() {
        assertThatThrownBy(() -> ApprovalRules.checkFourEyes("analyst2", "analyst2"))
                .isInstanceOf(FourEyesViolationException.class)
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("Four-eyes rule: analyst2 ")
                .hasMessageContaining("cannot approve");
    }

    @Test
    void approvalWithoutSignedInApproverIsRefused() {
        assertThatThrownBy(() -> ApprovalRules.checkFourEyes(null, "analyst"))
                .isInstanceOf(FourEyesViolationException.class)
                .hasMessageContaining("signed-in approver");
    }

    @Test
    void approvalWithoutEitherUserIsRefused() {
        assertThatThrownBy(() -> ApprovalRules.checkFourEyes(null, null)).isInstanceOf(FourEyesViolationException.class);
    }

    @Test
    void missingDecisionIsRefused() {
        assertThatThrownBy(() -> ApprovalRules.checkDecision(null, "comment"))
                .isInstanceOfSatisfying(InvalidTaskInputException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.variable()).isEqualTo("approvalDecision"))
                .hasMessageStartingWith("approvalDecision: ")
                .hasMessageContaining("APPROVE, RETURN or REJECT");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void approveNeedsNoComment(String comment) {
        assertThatCode(() -> ApprovalRules.checkDecision(ApprovalDecision.APPROVE, comment)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalDecision.class, names = {"RETURN", "REJECT"})
    void returnAndRejectNeedAComment(ApprovalDecision decision) {
        for (String comment : new String[] {null, "", " \t"}) {
            assertThatThrownBy(() -> ApprovalRules.checkDecision(decision, comment))
                    .isInstanceOfSatisfying(InvalidTaskInputException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.variable()).isEqualTo("approvalComment"))
                    .hasMessageStartingWith("approvalComment: ")
                    .hasMessageContaining("when the decision is " + decision);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalDecision.class, names = {"RETURN", "REJECT"})
    void returnAndRejectWithACommentAreAccepted(ApprovalDecision decision) {
        assertThatCode(() -> ApprovalRules.checkDecision(decision, "Proportionality not shown.")).doesNotThrowAnyException();
    }
}
