package com.disclosuredesk.notice;

import com.disclosuredesk.moderation.Subject;

/**
 * A notice that passed {@link NoticeRules}: the subject normalised, the enums read, the notifier's name and email (to be
 * sealed) apart from their pseudonymous id. {@link #toString()} names no personal data.
 */
public record ValidNotice(
        String externalId,
        Subject subject,
        NoticeCategory category,
        NoticeSpecification specification,
        String explanation,
        String country,
        String notifierRef,
        String notifierName,
        String notifierEmail,
        String evidenceText,
        String mediaSha256) {

    /** Anonymous: no name, no email and no pseudonymous id (allowed for child sexual abuse material only). */
    public boolean anonymous() {
        return notifierRef == null && notifierName == null && notifierEmail == null;
    }

    @Override
    public String toString() {
        return "ValidNotice[externalId=" + externalId + ", subject=" + subject.key() + ", category=" + category + "]";
    }
}
