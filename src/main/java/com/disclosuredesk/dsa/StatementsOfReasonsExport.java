package com.disclosuredesk.dsa;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The statement of reasons of one decision in the DSA Transparency Database's API format (Art. 24(5) DSA; the
 * schema in force since 1 July 2025), built from the application's own records only: cr_decision, cr_case, the
 * source types of cr_notice and the content type the platform reports. Pure: no database, no clock; {@link
 * StatementQueue} gathers the {@link Facts} and validates the result against {@link StatementSchema}.
 * <p>
 * No personal data: the statement never carries the subject's link or username, a notifier, a name, an email or a
 * notice's text. Its only free texts are the legal or contractual reference and the explanation that the deciding
 * staff member wrote on the decision (cr_decision.explanation: the moderator's, or for a reversal the second
 * moderator's reasoning), never text that a notifier or complainant wrote. The mapping, field by field, is in
 * docs/transparency.md "The statement-of-reasons export".
 */
public final class StatementsOfReasonsExport {

    /**
     * The countries of the EU and the EEA as the Database accepts them (app/Services/EuropeanCountriesService.php,
     * EUROPEAN_COUNTRY_CODES): a decision applies on the whole platform, so its territorial scope is all of them.
     */
    public static final List<String> EEA = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    /** The Database's limits on the explanations (max:2000) and on the grounds (max:500). */
    static final int EXPLANATION_MAX = 2000;
    static final int GROUND_MAX = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a statement is made of.
     *
     * @param caseNumber      cr_case.case_number
     * @param decisionId      cr_decision.id of the decision the statement is about (a review's, or a reversal's)
     * @param reversal        the decision is a REVERSAL (kind): it lifts the restriction of {@code reversedPuid}
     * @param decision        REMOVE or RESTRICT: the decision that restricted (for a reversal: the one reversed)
     * @param subjectType     cr_case.subject_type (MESSAGE, CHANNEL, GROUP, ACCOUNT, SEARCH_TERM)
     * @param ground          ILLEGAL_CONTENT or INCOMPATIBLE_CONTENT (for a reversal: the reversed decision's)
     * @param groundReference the law or Terms of Service clause relied on (for a reversal: the reversed decision's)
     * @param explanation     cr_decision.explanation of the decision the statement is about (staff's text)
     * @param category        cr_case.category, without STATEMENT_CATEGORY_
     * @param specification   cr_case.specification, without KEYWORD_ (null: none)
     * @param contentType     the platform's content type, a CONTENT_TYPE_* value
     * @param contentDate     when the content was posted (the platform's record; the case's creation if unknown)
     * @param applicationDate when the decision was applied (UTC date)
     * @param trustedFlagger  a notice of the case came from a trusted flagger (cr_notice.source_type)
     * @param noticeCount     the notices of the case
     * @param reversedPuid    for a reversal: the puid of the statement of the decision reversed
     */
    public record Facts(String caseNumber, long decisionId, boolean reversal, String decision, String subjectType,
                        String ground, String groundReference, String explanation, String category,
                        String specification, String contentType, LocalDate contentDate, LocalDate applicationDate,
                        boolean trustedFlagger, int noticeCount, String reversedPuid) {
        public Facts {
            Objects.requireNonNull(caseNumber, "caseNumber");
            Objects.requireNonNull(decision, "decision");
        }
    }

    private StatementsOfReasonsExport() {}

    /** The platform's unique identifier of the statement of decision {@code decisionId}: {@code <case>-<decision>}. */
    public static String puid(String caseNumber, long decisionId) {
        String raw = caseNumber + "-" + decisionId;
        return raw.replaceAll("[^a-zA-Z0-9_-]", "-");
    }

    /** The statement, as the Database's API takes it (validate it with {@link StatementSchema} before queueing). */
    public static ObjectNode statement(Facts f) {
        ObjectNode s = JSON.createObjectNode();
        restriction(s, f);
        // cr_decision.ground is the Database's decision_ground without its prefix; anything else fails the schema
        if (f.ground() != null) {
            s.put("decision_ground", "DECISION_GROUND_" + f.ground());
        }
        String reference = cut(f.groundReference(), GROUND_MAX);
        String explanation = cut(f.explanation(), EXPLANATION_MAX);
        if ("ILLEGAL_CONTENT".equals(f.ground())) {
            putText(s, "illegal_content_legal_ground", reference);
            putText(s, "illegal_content_explanation", explanation);
        } else if ("INCOMPATIBLE_CONTENT".equals(f.ground())) {
            putText(s, "incompatible_content_ground", reference);
            putText(s, "incompatible_content_explanation", explanation);
        }
        s.putArray("content_type").add(f.contentType());
        if ("CONTENT_TYPE_OTHER".equals(f.contentType())) {
            s.put("content_type_other", "Telegram " + subject(f.subjectType()));
        }
        s.put("category", "STATEMENT_CATEGORY_" + f.category());
        specification(s, f.specification());
        ArrayNode scope = s.putArray("territorial_scope");
        EEA.forEach(scope::add);
        if (f.contentDate() != null) {
            s.put("content_date", f.contentDate().toString());
        }
        if (f.applicationDate() != null) {
            s.put("application_date", f.applicationDate().toString());
        }
        s.put("decision_facts", facts(f));
        s.put("source_type", f.trustedFlagger() ? "SOURCE_TRUSTED_FLAGGER" : "SOURCE_ARTICLE_16");
        // every decision of the application is a person's, taken on a notice: nothing is detected or decided by machine
        s.put("automated_detection", "No");
        s.put("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
        s.put("puid", puid(f.caseNumber(), f.decisionId()));
        return s;
    }

    private static void restriction(ObjectNode s, Facts f) {
        if (f.reversal()) {
            // the Database has no field for a restriction lifted and takes no update of a statement: a reversal is a
            // statement of its own, "other restriction" saying which statement it lifts (docs/transparency.md)
            s.putArray("decision_visibility").add("DECISION_VISIBILITY_OTHER");
            s.put("decision_visibility_other", "Restriction lifted: an internal complaint (Art. 20 DSA) reversed the "
                    + "decision of statement " + f.reversedPuid() + "; the content is available again.");
        } else if ("ACCOUNT".equals(f.subjectType()) && "REMOVE".equals(f.decision())) {
            s.put("decision_account", "DECISION_ACCOUNT_TERMINATED");
        } else if ("REMOVE".equals(f.decision())) {
            s.putArray("decision_visibility").add("DECISION_VISIBILITY_CONTENT_REMOVED");
        } else if ("RESTRICT".equals(f.decision())) {
            s.putArray("decision_visibility").add("DECISION_VISIBILITY_CONTENT_DISABLED");
        }
        // anything else (NO_ACTION) restricts nothing: no restriction field, and the schema refuses the statement
    }

    private static void specification(ObjectNode s, String specification) {
        if (specification == null || specification.isBlank()) {
            return;
        }
        switch (specification) {
            // keywords of the schema before 1 July 2025 that notices may still carry (notice.NoticeSpecification);
            // api-documentation.md "Changelog": foreign information manipulation is part of the v2 keyword
            // MISINFORMATION_DISINFORMATION; gender-based violence has no v2 keyword
            case "FOREIGN_INFORMATION_MANIPULATION" -> s.putArray("category_specification").add("KEYWORD_MISINFORMATION_DISINFORMATION");
            case "GENDER_BASED_VIOLENCE" -> {
                s.putArray("category_specification").add("KEYWORD_OTHER");
                s.put("category_specification_other", "Gender-based violence");
            }
            default -> s.putArray("category_specification").add("KEYWORD_" + specification);
        }
    }

    private static String facts(Facts f) {
        String subject = subject(f.subjectType());
        String notices = f.noticeCount() == 1 ? "one notice" : f.noticeCount() + " notices";
        String source = "submitted under Art. 16 DSA" + (f.trustedFlagger() ? ", one or more of them by a trusted flagger (Art. 22 DSA)" : "");
        if (f.reversal()) {
            return "After " + notices + " about a Telegram " + subject + " (" + source + "), a moderator decided a "
                    + action(f) + " (statement " + f.reversedPuid() + "). An internal complaint (Art. 20 DSA) was "
                    + "decided by another person, who reversed that decision: the restriction was lifted on the whole "
                    + "platform. The explanation gives the reasons for the reversal. No automated means were used.";
        }
        return "A moderator reviewed a Telegram " + subject + " after " + notices + " (" + source + ") and decided a "
                + action(f) + " on the whole platform, for an indefinite period (until a complaint or a court reverses "
                + "it). The explanation gives the reasons. No automated means were used.";
    }

    private static String action(Facts f) {
        if ("ACCOUNT".equals(f.subjectType()) && "REMOVE".equals(f.decision())) {
            return "termination of the account";
        }
        return "REMOVE".equals(f.decision()) ? "removal of the content" : "disabling of access to the content";
    }

    private static String subject(String subjectType) {
        return subjectType == null ? "content" : subjectType.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void putText(ObjectNode s, String field, String value) {
        if (value != null) {
            s.put(field, value);
        }
    }

    /** At most {@code max} characters: a longer text is cut and ends with an ellipsis (the full text stays in cr_decision). */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
