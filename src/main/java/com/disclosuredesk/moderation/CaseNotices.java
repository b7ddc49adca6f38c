package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the review side reads of a case's notices ({@code cr_notice}, written by intake): facts without personal data
 * for the review form and triage, and who to tell the decision (the gateway and its pseudonymous notifier id). Never
 * the sealed columns: names, emails, explanations and evidence are shown to the moderator as images by the
 * application, not through the engine.
 */
@Repository
public class CaseNotices {

    /** A notice as the review form lists it. */
    public record NoticeFacts(long id, Instant receivedAt, String sourceType, String category, String specification,
                              String country, boolean hasMedia) {}

    /** A notifier to tell: the notice, the gateway that delivers to them, their pseudonymous id there. */
    public record Notifier(long noticeId, String gateway, String notifierRef) {}

    private final JdbcClient jdbc;

    public CaseNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The most recent notices of a case (at most {@code limit}), newest first. */
    public List<NoticeFacts> recent(String caseNumber, int limit) {
        return jdbc.sql("""
                SELECT id, received_at, source_type, category, specification, country, media_sha256
                FROM cr_notice WHERE case_number = ? ORDER BY id DESC LIMIT ?
                """)
                .params(caseNumber, limit)
                .query((rs, i) -> new NoticeFacts(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7) != null))
                .list();
    }

    /** The different things the notices of a case report (category and specification), for triage. */
    public List<TriagePolicy.Reported> reported(String caseNumber) {
        return jdbc.sql("SELECT DISTINCT category, specification FROM cr_notice WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> new TriagePolicy.Reported(rs.getString(1), rs.getString(2))).list();
    }

    /** What one notice reports (by its id). */
    public Optional<TriagePolicy.Reported> reportedBy(long noticeId) {
        return jdbc.sql("SELECT category, specification FROM cr_notice WHERE id = ?").param(noticeId)
                .query((rs, i) -> new TriagePolicy.Reported(rs.getString(1), rs.getString(2))).optional();
    }

    /** Every notice of the case whose notifier can be told (anonymous notices have no notifier id), oldest first. */
    public List<Notifier> notifiers(String caseNumber) {
        return jdbc.sql("""
                SELECT id, gateway, notifier_ref FROM cr_notice
                WHERE case_number = ? AND notifier_ref IS NOT NULL ORDER BY id
                """)
                .param(caseNumber)
                .query((rs, i) -> new Notifier(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** One notice's notifier (empty for an anonymous notice or no such notice). */
    public Optional<Notifier> notifier(long noticeId) {
        return jdbc.sql("SELECT id, gateway, notifier_ref FROM cr_notice WHERE id = ? AND notifier_ref IS NOT NULL")
                .param(noticeId)
                .query((rs, i) -> new Notifier(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** How many of the case's notices are from trusted flaggers (Art. 22). */
    public int trustedCount(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM cr_notice WHERE case_number = ? AND source_type = 'SOURCE_TRUSTED_FLAGGER'")
                .param(caseNumber).query(Integer.class).single();
    }
}
