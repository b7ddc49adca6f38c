package com.disclosuredesk.moderation;

import java.util.Set;

import com.disclosuredesk.process.InvalidTaskInputException;

/**
 * What a moderator's review (Task_ReviewContent) must hold, by the contract: {@code moderationDecision} REMOVE,
 * RESTRICT or NO_ACTION; to act (REMOVE, RESTRICT) a {@code decisionGround} (ILLEGAL_CONTENT: the law broken;
 * INCOMPATIBLE_CONTENT: the Terms of Service clause), its {@code groundReference} and a {@code decisionExplanation} of
 * at least 20 characters; for NO_ACTION neither ground nor reference. A broken rule is an
 * {@link InvalidTaskInputException} naming the field (400 on the engine APIs; nothing is completed). Plain logic,
 * tested without the engine.
 */
public final class ReviewRules {

    public static final Set<String> DECISIONS = Set.of("REMOVE", "RESTRICT", "NO_ACTION");
    public static final Set<String> GROUNDS = Set.of("ILLEGAL_CONTENT", "INCOMPATIBLE_CONTENT");
    public static final int MIN_EXPLANATION = 20;
    /** Within cr_decision.explanation (4,000), and small enough that a message body quoting it fits cr_message.body. */
    public static final int MAX_EXPLANATION = 2000;
    public static final int MAX_REFERENCE = 500;

    /** A review as checked: ground and reference are null for NO_ACTION, the explanation trimmed ("" if none). */
    public record Review(String decision, String ground, String groundReference, String explanation, boolean threatToLife) {}

    private ReviewRules() {}

    public static Review check(String decision, String ground, String groundReference, String explanation, Object threatToLife) {
        if (decision == null || decision.isBlank()) {
            throw new InvalidTaskInputException(ContentReportVariables.MODERATION_DECISION, "is required: REMOVE, RESTRICT or NO_ACTION");
        }
        if (!DECISIONS.contains(decision)) {
            throw new InvalidTaskInputException(ContentReportVariables.MODERATION_DECISION, "must be REMOVE, RESTRICT or NO_ACTION");
        }
        boolean threat = threatToLife(threatToLife);
        String reference = blankToNull(groundReference);
        String text = explanation == null ? "" : explanation.trim();
        if (text.length() > MAX_EXPLANATION) {
            throw new InvalidTaskInputException(ContentReportVariables.DECISION_EXPLANATION, "must be at most " + MAX_EXPLANATION + " characters");
        }
        if ("NO_ACTION".equals(decision)) {
            if (blankToNull(ground) != null) {
                throw new InvalidTaskInputException(ContentReportVariables.DECISION_GROUND, "must be empty when the decision is NO_ACTION");
            }
            if (reference != null) {
                throw new InvalidTaskInputException(ContentReportVariables.GROUND_REFERENCE, "must be empty when the decision is NO_ACTION");
            }
            return new Review(decision, null, null, text, threat);
        }
        if (ground == null || ground.isBlank()) {
            throw new InvalidTaskInputException(ContentReportVariables.DECISION_GROUND,
                    "is required to " + decision + ": ILLEGAL_CONTENT or INCOMPATIBLE_CONTENT");
        }
        if (!GROUNDS.contains(ground)) {
            throw new InvalidTaskInputException(ContentReportVariables.DECISION_GROUND, "must be ILLEGAL_CONTENT or INCOMPATIBLE_CONTENT");
        }
        if (reference == null) {
            throw new InvalidTaskInputException(ContentReportVariables.GROUND_REFERENCE, "is required to " + decision + ": "
                    + ("ILLEGAL_CONTENT".equals(ground) ? "the law the content breaks" : "the Terms of Service clause it breaks"));
        }
        if (reference.length() > MAX_REFERENCE) {
            throw new InvalidTaskInputException(ContentReportVariables.GROUND_REFERENCE, "must be at most " + MAX_REFERENCE + " characters");
        }
        if (text.length() < MIN_EXPLANATION) {
            throw new InvalidTaskInputException(ContentReportVariables.DECISION_EXPLANATION,
                    "is required to " + decision + ": at least " + MIN_EXPLANATION + " characters on why the content breaks it");
        }
        return new Review(decision, ground, reference, text, threat);
    }

    /** The threatToLife output as a boolean: absent is false; true/false, or "true"/"false" as a form submits it. */
    static boolean threatToLife(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
            return false;
        }
        if (Boolean.TRUE.equals(value) || "true".equals(value)) {
            return true;
        }
        throw new InvalidTaskInputException(ContentReportVariables.THREAT_TO_LIFE, "must be true or false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
