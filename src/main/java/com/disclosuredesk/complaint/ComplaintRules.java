package com.disclosuredesk.complaint;

import java.util.Set;

import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.process.FourEyesViolationException;
import com.disclosuredesk.process.InvalidTaskInputException;

/**
 * What a complaint's review (Task_ReviewComplaint) must hold: four eyes against the moderator who took the decision
 * complained about (Art. 20(6): not solely by automated means, and here never by the same person), a
 * {@code complaintDecision} UPHOLD or REVERSE and a {@code complaintReasoning} of at least 20 characters (the
 * complainant reads it). Plain logic, tested without the engine; broken rules are 400 on the engine APIs.
 */
public final class ComplaintRules {

    public static final Set<String> DECISIONS = Set.of("UPHOLD", "REVERSE");
    public static final int MIN_REASONING = 20;
    /** Within cr_complaint.reasoning (4,000), and small enough that the answer quoting it fits cr_message.body. */
    public static final int MAX_REASONING = 2000;

    private ComplaintRules() {}

    /** The reviewer may never be the moderator who took the decision complained about. */
    public static void checkFourEyes(String reviewer, String decidedBy) {
        if (reviewer == null) {
            throw new FourEyesViolationException("The complaint must be reviewed by a signed-in moderator.");
        }
        if (reviewer.equals(decidedBy)) {
            throw new FourEyesViolationException("Four-eyes rule: " + reviewer
                    + " took the decision this complaint is about and cannot review it. Another moderator must decide.");
        }
    }

    /** Checks the outputs; returns the trimmed reasoning. */
    public static String check(String decision, String reasoning) {
        if (decision == null || decision.isBlank()) {
            throw new InvalidTaskInputException(ContentReportVariables.COMPLAINT_DECISION, "is required: UPHOLD or REVERSE");
        }
        if (!DECISIONS.contains(decision)) {
            throw new InvalidTaskInputException(ContentReportVariables.COMPLAINT_DECISION, "must be UPHOLD or REVERSE");
        }
        String text = reasoning == null ? "" : reasoning.trim();
        if (text.length() < MIN_REASONING) {
            throw new InvalidTaskInputException(ContentReportVariables.COMPLAINT_REASONING,
                    "is required: at least " + MIN_REASONING + " characters that the complainant will read");
        }
        if (text.length() > MAX_REASONING) {
            throw new InvalidTaskInputException(ContentReportVariables.COMPLAINT_REASONING, "must be at most " + MAX_REASONING + " characters");
        }
        return text;
    }
}
