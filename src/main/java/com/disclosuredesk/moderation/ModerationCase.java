package com.disclosuredesk.moderation;

import java.time.Instant;

/**
 * A content-report case as the application keeps it ({@code cr_case}): one per process instance, business key
 * {@code CR-<year>-<6 digits>}. No personal data: the subject is public content or a reference to an account, and
 * the counts are counts.
 */
public record ModerationCase(
        String caseNumber,
        String subjectKey,
        String subjectType,
        String subjectReference,
        Long ownerAccountId,
        String category,
        String specification,
        String country,
        CaseStatus status,
        int noticeCount,
        int trustedNoticeCount,
        String priorityClass,
        Integer priority,
        Instant reviewDue,
        String processInstanceId,
        Instant createdAt,
        Long decisionId,
        Instant decidedAt,
        Instant closedAt) {
}
