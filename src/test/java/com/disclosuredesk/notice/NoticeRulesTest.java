package com.disclosuredesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.disclosuredesk.web.FieldProblem;

import org.junit.jupiter.api.Test;

/** {@link NoticeRules}: every field's rule, every offending field named at once, never a value in a message. */
class NoticeRulesTest {

    static NoticeSubmission valid() {
        return new NoticeSubmission("bot-2026-0000123", new NoticeSubmission.SubjectSpec("MESSAGE", "https://t.me/some_channel/4711"),
                "RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", "The post calls for an attack.", "DE",
                new NoticeSubmission.NotifierSpec("u-88412", "A. Reporter", "reporter@mail.example"), true,
                new NoticeSubmission.EvidenceSpec("the reported post", null));
    }

    private static List<String> fields(NoticeSubmission n) {
        return catchThrowableOfType(() -> NoticeRules.validate(n), InvalidNoticeException.class).problems().stream()
                .map(FieldProblem::field).toList();
    }

    @Test
    void theSpecsExampleIsValidAndNormalised() {
        ValidNotice notice = NoticeRules.validate(valid());
        assertThat(notice.subject().key()).isEqualTo("MESSAGE:t.me/some_channel/4711");
        assertThat(notice.category()).isEqualTo(NoticeCategory.RISK_FOR_PUBLIC_SECURITY);
        assertThat(notice.specification()).isEqualTo(NoticeSpecification.TERRORIST_CONTENT);
        assertThat(notice.notifierRef()).isEqualTo("u-88412");
        assertThat(notice.anonymous()).isFalse();
        assertThat(notice.toString()).doesNotContain("Reporter", "reporter@", "attack", "reported post");
    }

    @Test
    void everyOffendingFieldIsNamedInOneAnswer() {
        NoticeSubmission bad = new NoticeSubmission("bad id with spaces", new NoticeSubmission.SubjectSpec("MESSAGE", "https://example.com/x/1"),
                "TERRORISM", "NOT_A_KEYWORD", " ", "XX", new NoticeSubmission.NotifierSpec("u\u0001", "N", "not-an-email"), false,
                new NoticeSubmission.EvidenceSpec("e".repeat(10_001), "abc"));
        InvalidNoticeException e = catchThrowableOfType(() -> NoticeRules.validate(bad), InvalidNoticeException.class);
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("category", "country", "evidence.mediaSha256",
                "evidence.text", "explanation", "externalId", "goodFaith", "notifier.email", "notifier.id", "specification",
                "subject.reference");
        assertThat(e.getBody().getDetail()).startsWith("Fields with problems: category, country");
        assertThat(e.problems()).extracting(FieldProblem::message)
                .noneMatch(m -> m.contains("bad id") || m.contains("not-an-email") || m.contains("example.com") || m.contains("TERRORISM"));
    }

    @Test
    void requiredFields() {
        NoticeSubmission empty = new NoticeSubmission(null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty)).containsExactly("category", "explanation", "externalId", "goodFaith", "notifier", "subject");
        NoticeSubmission noNotifierFields = new NoticeSubmission("x1", valid().subject(), "VIOLENCE", null, "why", null,
                new NoticeSubmission.NotifierSpec(null, " ", null), true, null);
        assertThat(fields(noNotifierFields)).containsExactly("notifier.email", "notifier.id", "notifier.name");
        NoticeSubmission unknownType = new NoticeSubmission("x1", new NoticeSubmission.SubjectSpec("POST", "t.me/x/1"), "VIOLENCE",
                null, "why", null, valid().notifier(), true, null);
        assertThat(fields(unknownType)).containsExactly("subject.type");
    }

    @Test
    void limits() {
        NoticeSubmission n = valid();
        assertThat(fields(new NoticeSubmission("a".repeat(101), n.subject(), n.category(), n.specification(), "x".repeat(5001),
                n.country(), new NoticeSubmission.NotifierSpec("i".repeat(101), "n".repeat(201), "a@" + "b".repeat(250) + ".example"),
                true, null))).containsExactly("explanation", "externalId", "notifier.email", "notifier.id", "notifier.name");
        NoticeRules.validate(new NoticeSubmission("a".repeat(100), n.subject(), n.category(), n.specification(), "x".repeat(5000),
                n.country(), new NoticeSubmission.NotifierSpec("i".repeat(100), "n".repeat(200), "a@b.example"), true,
                new NoticeSubmission.EvidenceSpec("e".repeat(10_000), "AB".repeat(32))));
    }

    @Test
    void goodFaithMustBeTrue() {
        NoticeSubmission n = valid();
        assertThat(fields(new NoticeSubmission(n.externalId(), n.subject(), n.category(), n.specification(), n.explanation(),
                n.country(), n.notifier(), null, n.evidence()))).containsExactly("goodFaith");
        assertThat(fields(new NoticeSubmission(n.externalId(), n.subject(), n.category(), n.specification(), n.explanation(),
                n.country(), n.notifier(), false, n.evidence()))).containsExactly("goodFaith");
    }

    @Test
    void specificationMustBelongToTheCategory() {
        NoticeSubmission n = valid();
        NoticeSubmission csamUnderViolence = new NoticeSubmission(n.externalId(), n.subject(), "VIOLENCE", "CHILD_SEXUAL_ABUSE_MATERIAL",
                n.explanation(), n.country(), n.notifier(), true, null);
        InvalidNoticeException e = catchThrowableOfType(() -> NoticeRules.validate(csamUnderViolence), InvalidNoticeException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("specification");
            assertThat(p.message()).contains("PROTECTION_OF_MINORS");
        });
        // OTHER belongs to every category; a keyword listed under two categories belongs to both
        for (NoticeCategory category : NoticeCategory.values()) {
            NoticeRules.validate(new NoticeSubmission("x", n.subject(), category.name(), "OTHER", "why", null, n.notifier(), true, null));
        }
        NoticeRules.validate(new NoticeSubmission("x", n.subject(), "SELF_HARM", "UNSAFE_CHALLENGES", "why", null, n.notifier(), true, null));
        NoticeRules.validate(new NoticeSubmission("x", n.subject(), "PROTECTION_OF_MINORS", "UNSAFE_CHALLENGES", "why", null, n.notifier(), true, null));
    }

    @Test
    void childSexualAbuseMaterialMayBeReportedAnonymouslyNothingElse() {
        NoticeSubmission anonymous = new NoticeSubmission("csam-1", new NoticeSubmission.SubjectSpec("CHANNEL", "@some_channel"),
                "PROTECTION_OF_MINORS", "CHILD_SEXUAL_ABUSE_MATERIAL", "abuse images", null, null, true, null);
        ValidNotice notice = NoticeRules.validate(anonymous);
        assertThat(notice.anonymous()).isTrue();
        assertThat(notice.notifierRef()).isNull();
        // a pseudonymous id alone is fine too
        assertThat(NoticeRules.validate(new NoticeSubmission("csam-2", anonymous.subject(), anonymous.category(),
                anonymous.specification(), "why", null, new NoticeSubmission.NotifierSpec("u-1", null, null), true, null))
                .notifierRef()).isEqualTo("u-1");
        // given, the fields are still checked
        assertThat(fields(new NoticeSubmission("csam-3", anonymous.subject(), anonymous.category(), anonymous.specification(),
                "why", null, new NoticeSubmission.NotifierSpec(null, null, "no-email"), true, null))).containsExactly("notifier.email");
        // grooming or CSAM deepfakes, and any other specification: not anonymous
        for (String other : new String[] {"GROOMING_SEXUAL_ENTICEMENT_MINORS", "CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE", null}) {
            assertThat(fields(new NoticeSubmission("x", anonymous.subject(), "PROTECTION_OF_MINORS", other, "why", null, null,
                    true, null))).containsExactly("notifier");
        }
    }

    @Test
    void countryAndEvidence() {
        NoticeSubmission n = valid();
        assertThat(fields(new NoticeSubmission("x", n.subject(), n.category(), null, "why", "de", n.notifier(), true,
                new NoticeSubmission.EvidenceSpec(null, "g".repeat(64))))).containsExactly("country", "evidence.mediaSha256");
        ValidNotice notice = NoticeRules.validate(new NoticeSubmission("x", n.subject(), n.category(), null, "why", null,
                n.notifier(), true, new NoticeSubmission.EvidenceSpec(null, "AB".repeat(32))));
        assertThat(notice.mediaSha256()).isEqualTo("ab".repeat(32));
        assertThat(notice.country()).isNull();
    }

    @Test
    void theSubmissionDigestIsCanonical() {
        assertThat(NoticeIntakeService.submissionSha256(valid())).isEqualTo(NoticeIntakeService.submissionSha256(valid()))
                .hasSize(64);
        NoticeSubmission n = valid();
        NoticeSubmission other = new NoticeSubmission(n.externalId(), n.subject(), n.category(), n.specification(),
                n.explanation() + ".", n.country(), n.notifier(), true, n.evidence());
        assertThat(NoticeIntakeService.submissionSha256(other)).isNotEqualTo(NoticeIntakeService.submissionSha256(n));
    }

    @Test
    void theSpecificationsIncludeTheKeywordsTriageNeeds() {
        assertThat(NoticeSpecification.CHILD_SEXUAL_ABUSE_MATERIAL.categories()).containsExactly(NoticeCategory.PROTECTION_OF_MINORS);
        assertThat(NoticeSpecification.TERRORIST_CONTENT.categories()).containsExactly(NoticeCategory.RISK_FOR_PUBLIC_SECURITY);
        assertThat(NoticeCategory.values()).hasSize(15);
        assertThatThrownBy(() -> NoticeRules.validate(new NoticeSubmission("x", valid().subject(), "VIOLENCE", "KEYWORD_OTHER",
                "why", null, valid().notifier(), true, null))).isInstanceOf(InvalidNoticeException.class);
    }
}
