package com.disclosuredesk.notice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.disclosuredesk.common.Countries;
import com.disclosuredesk.moderation.Subject;
import com.disclosuredesk.web.FieldProblem;

/**
 * The rules of a notice, field by field (PRODUCT.md "Part two", DSA Art. 16(2)): every offending field is named in one
 * {@link InvalidNoticeException}, each message names the rule and never the value. A plain class, tested without
 * Spring ({@code NoticeRulesTest}).
 * <ul>
 *   <li>{@code externalId}: required, at most 100 of letters, digits and {@code . _ : -};</li>
 *   <li>{@code subject}: one of the five types, normalised by {@link Subject#of} (its rule is the field's message);</li>
 *   <li>{@code category}: one of {@link NoticeCategory}; {@code specification}: optional, one of
 *       {@link NoticeSpecification}, and one that belongs to the category;</li>
 *   <li>{@code explanation}: required, at most 5,000 characters; {@code goodFaith}: true;</li>
 *   <li>{@code notifier}: id (at most 100), name and email required, except for child sexual abuse material, which may
 *       be reported anonymously (notifier absent, or any of its fields);</li>
 *   <li>{@code country}: optional ISO 3166-1 alpha-2; {@code evidence}: optional, text at most 10,000 characters,
 *       {@code mediaSha256} 64 hexadecimal characters or null.</li>
 * </ul>
 */
public final class NoticeRules {

    public static final int MAX_EXTERNAL_ID = 100;
    public static final int MAX_EXPLANATION = 5000;
    public static final int MAX_NOTIFIER_ID = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_EVIDENCE_TEXT = 10_000;

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern NOTIFIER_ID = Pattern.compile("[^\\p{Cntrl}]+");
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]+");
    /** An email address's shape: local part, @, a domain with a dot; no spaces, one @. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private NoticeRules() {}

    /** The notice, checked and normalised; or every offending field. */
    public static ValidNotice validate(NoticeSubmission n) {
        List<FieldProblem> problems = new ArrayList<>();

        String externalId = n.externalId();
        if (externalId == null || externalId.isBlank()) {
            problems.add(new FieldProblem("externalId", "is required"));
        } else if (externalId.length() > MAX_EXTERNAL_ID) {
            problems.add(new FieldProblem("externalId", "must be at most " + MAX_EXTERNAL_ID + " characters"));
        } else if (!EXTERNAL_ID.matcher(externalId).matches()) {
            problems.add(new FieldProblem("externalId", "must contain only letters, digits and . _ : -"));
        }

        Subject subject = null;
        if (n.subject() == null) {
            problems.add(new FieldProblem("subject", "is required (type and reference)"));
        } else {
            boolean typeKnown = n.subject().type() != null
                    && Arrays.stream(Subject.SubjectType.values()).anyMatch(t -> t.name().equals(n.subject().type()));
            try {
                subject = Subject.of(n.subject().type(), n.subject().reference());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(typeKnown ? "subject.reference" : "subject.type", e.getMessage()));
            }
        }

        NoticeCategory category = null;
        if (n.category() == null) {
            problems.add(new FieldProblem("category", "is required"));
        } else {
            category = parse(NoticeCategory.class, n.category());
            if (category == null) {
                problems.add(new FieldProblem("category", "must be one of " + Arrays.toString(NoticeCategory.values())));
            }
        }

        NoticeSpecification specification = null;
        if (n.specification() != null) {
            specification = parse(NoticeSpecification.class, n.specification());
            if (specification == null) {
                problems.add(new FieldProblem("specification", "must be a category_specification keyword of the DSA "
                        + "Transparency Database without KEYWORD_, such as TERRORIST_CONTENT or CHILD_SEXUAL_ABUSE_MATERIAL"));
            } else if (category != null && !specification.belongsTo(category)) {
                problems.add(new FieldProblem("specification", "does not belong to category " + category + " (it belongs to "
                        + specification.categories().stream().map(Enum::name).sorted().toList() + ")"));
            }
        }

        String explanation = n.explanation();
        if (explanation == null || explanation.isBlank()) {
            problems.add(new FieldProblem("explanation", "is required: why the content is illegal or against the terms"));
        } else if (explanation.length() > MAX_EXPLANATION) {
            problems.add(new FieldProblem("explanation", "must be at most " + MAX_EXPLANATION + " characters"));
        }

        if (!Boolean.TRUE.equals(n.goodFaith())) {
            problems.add(new FieldProblem("goodFaith", "must be true: the notifier's statement that the notice is accurate "
                    + "and complete in good faith (DSA Art. 16(2)(d))"));
        }

        boolean anonymousAllowed = specification == NoticeSpecification.CHILD_SEXUAL_ABUSE_MATERIAL;
        String notifierRef = null;
        String name = null;
        String email = null;
        if (n.notifier() == null) {
            if (!anonymousAllowed) {
                problems.add(new FieldProblem("notifier", "is required (id, name and email); only notices about child sexual "
                        + "abuse material may be anonymous"));
            }
        } else {
            notifierRef = blankToNull(n.notifier().id());
            name = blankToNull(n.notifier().name());
            email = blankToNull(n.notifier().email());
            String anonymousHint = " unless the notice is about child sexual abuse material";
            if (notifierRef == null && !anonymousAllowed) {
                problems.add(new FieldProblem("notifier.id", "is required (the gateway's pseudonymous id of the person)"));
            } else if (notifierRef != null && (notifierRef.length() > MAX_NOTIFIER_ID || !NOTIFIER_ID.matcher(notifierRef).matches())) {
                problems.add(new FieldProblem("notifier.id", "must be at most " + MAX_NOTIFIER_ID
                        + " characters without control characters"));
            }
            if (name == null && !anonymousAllowed) {
                problems.add(new FieldProblem("notifier.name", "is required" + anonymousHint));
            } else if (name != null && (name.length() > MAX_NAME || !NAME.matcher(name).matches())) {
                problems.add(new FieldProblem("notifier.name", "must be at most " + MAX_NAME
                        + " characters without control characters"));
            }
            if (email == null && !anonymousAllowed) {
                problems.add(new FieldProblem("notifier.email", "is required" + anonymousHint));
            } else if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
                problems.add(new FieldProblem("notifier.email", "must be an email address such as reporter@mail.example "
                        + "(at most " + MAX_EMAIL + " characters)"));
            }
        }

        String country = n.country();
        if (country != null && !Countries.isAssigned(country)) {
            problems.add(new FieldProblem("country", "must be an ISO 3166-1 alpha-2 code such as DE"));
        }

        String evidenceText = null;
        String mediaSha256 = null;
        if (n.evidence() != null) {
            evidenceText = n.evidence().text();
            if (evidenceText != null && evidenceText.length() > MAX_EVIDENCE_TEXT) {
                problems.add(new FieldProblem("evidence.text", "must be at most " + MAX_EVIDENCE_TEXT + " characters"));
            }
            mediaSha256 = n.evidence().mediaSha256();
            if (mediaSha256 != null && !SHA256.matcher(mediaSha256).matches()) {
                problems.add(new FieldProblem("evidence.mediaSha256", "must be a SHA-256 digest (64 hexadecimal characters) "
                        + "or null"));
            }
        }

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidNoticeException(problems);
        }
        return new ValidNotice(externalId, subject, category, specification, explanation, country, notifierRef, name, email,
                evidenceText == null || evidenceText.isEmpty() ? null : evidenceText,
                mediaSha256 == null ? null : mediaSha256.toLowerCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
