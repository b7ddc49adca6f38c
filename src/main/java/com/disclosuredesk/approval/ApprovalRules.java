package com.disclosuredesk.approval;

import com.disclosuredesk.process.FourEyesViolationException;
import com.disclosuredesk.process.ApprovalDecision;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.LegalOrderVariables;

/** Four eyes and what an approval must hold. Plain logic, tested without the engine. */
public final class ApprovalRules {

    private ApprovalRules() {}

    /** The approver may never be the analyst, even a user in both groups. */
    public static void checkFourEyes(String approver, String analyst) {
        if (approver == null) {
            throw new FourEyesViolationException("The approval must be given by a signed-in approver.");
        }
        if (approver.equals(analyst)) {
            throw new FourEyesViolationException("Four-eyes rule: " + approver
                    + " completed the legal analysis of this order and cannot approve it. Another approver must decide.");
        }
    }

    public static void checkDecision(ApprovalDecision decision, String comment) {
        if (decision == null) {
            throw new InvalidTaskInputException(LegalOrderVariables.APPROVAL_DECISION, "is required: APPROVE, RETURN or REJECT");
        }
        if (decision != ApprovalDecision.APPROVE && (comment == null || comment.isBlank())) {
            throw new InvalidTaskInputException(LegalOrderVariables.APPROVAL_COMMENT,
                    "is required when the decision is " + decision + ": say what the analyst must reconsider or why the order is rejected");
        }
    }
}
