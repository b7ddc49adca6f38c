package com.disclosuredesk.moderation;

import java.time.Instant;
import java.util.Optional;

/**
 * The platform's moderation interface: where a decision takes effect. A production platform implements this against
 * its own systems; the embedded default ({@code platform.EmbeddedModerationInterface}) records each action and the
 * blocked subject in its tables (pc_*), over the demo content. Implementations are idempotent per
 * {@code caseNumber} and decision: a retried step must not act twice.
 */
public interface ModerationInterface {

    /**
     * What the platform knows of a subject: the account that posted it or owns it, its content type, and the SHA-256 of
     * the media the platform captured of it (null: none), which moderators see when a notice brought no media of its own,
     * and when it was posted (null: unknown; the statement of reasons for the DSA Transparency Database then gives the
     * day the case began as the content's date, which is no earlier than the posting).
     */
    record SubjectFacts(Long ownerAccountId, String contentType, String mediaSha256, Instant postedAt) {
        public static SubjectFacts unknown() {
            return new SubjectFacts(null, "CONTENT_TYPE_OTHER", null, null);
        }
    }

    /** The owner and content type of a subject (by its {@link Subject#key()}); unknown subjects have neither. */
    SubjectFacts facts(String subjectKey);

    /**
     * Applies a decision (REMOVE, RESTRICT) to the subject, for the whole platform or the countries given.
     *
     * @return the platform's reference of the action (kept with the decision, used to undo it)
     */
    String apply(String caseNumber, long decisionId, String subjectKey, String decision);

    /** Undoes an action applied before (a complaint reversed the decision). */
    void undo(String caseNumber, String actionReference);

    /** Suspends an account (Art. 23(1)) until the given time; returns the platform's reference of the suspension. */
    String suspendAccount(long accountId, Instant until, long measureId);

    /** The account's key as legal orders name their targets ({@code USERNAME:<name>}), for Art. 18 links. */
    Optional<String> accountKey(long accountId);
}
