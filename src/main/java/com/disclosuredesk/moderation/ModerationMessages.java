package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;

import com.disclosuredesk.common.CommitOrderedFeed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the gateways deliver to people ({@code cr_message}, {@code GET /api/content-reports/messages?after=N}):
 * receipts, decisions to notifiers, statements of reasons to uploaders, complaint outcomes, Art. 23 warnings and
 * suspensions. A message names its recipient by the gateway's pseudonymous notifier id or the platform's account id,
 * never by name or email. Messages to uploaders have no gateway: every member of report-gateways may deliver them.
 */
@Repository
public class ModerationMessages {

    /** The kinds of message (the feed's {@code kind}). */
    public enum Kind { RECEIPT, DECISION, STATEMENT_OF_REASONS, COMPLAINT_RECEIPT, COMPLAINT_OUTCOME, MISUSE_WARNING, SUSPENSION }

    /** Who receives it: a notifier (by notifierRef, through the notice's gateway) or the uploader (by accountId). */
    public enum Recipient { NOTIFIER, UPLOADER }

    /** One message; {@code body} is a JSON object (text, decision, ground, redress, ...). */
    public record Message(long id, String gateway, Kind kind, String caseNumber, Long noticeId, Recipient recipient,
                          String notifierRef, Long accountId, String body, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final CommitOrderedFeed feed;
    private final Clock clock;

    public ModerationMessages(JdbcClient jdbc, CommitOrderedFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.clock = clock;
    }

    /** A message to a notifier, delivered by the gateway that submitted their notice. */
    public void toNotifier(String gateway, Kind kind, String caseNumber, Long noticeId, String notifierRef, String body) {
        insert(gateway, kind, caseNumber, noticeId, Recipient.NOTIFIER, notifierRef, null, body);
    }

    /** A message to the uploader (the account that posted the content), delivered by the platform's gateways. */
    public void toUploader(Kind kind, String caseNumber, Long accountId, String body) {
        insert(null, kind, caseNumber, null, Recipient.UPLOADER, null, accountId, body);
    }

    /** Written when the transaction commits, with an id in the order of the commits ({@link CommitOrderedFeed}). */
    private void insert(String gateway, Kind kind, String caseNumber, Long noticeId, Recipient recipient, String notifierRef,
                        Long accountId, String body) {
        OffsetDateTime createdAt = utc(clock.instant());
        feed.append("cr_message", id -> jdbc.sql("""
                INSERT INTO cr_message (id, gateway, kind, case_number, notice_id, recipient, notifier_ref, account_id, body,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, gateway, kind.name(), caseNumber, noticeId, recipient.name(), notifierRef, accountId, body,
                        createdAt)
                .update());
    }

    /**
     * The feed of one gateway after a given id: its own notifiers' messages, and (for the platform's gateways) the
     * uploaders' messages. The limit is in the SQL and the rows are read into a list (see OrderOutbox.forRecipient).
     */
    public List<Message> feed(String gateway, boolean platformGateway, long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, gateway, kind, case_number, notice_id, recipient, notifier_ref, account_id, body, created_at
                FROM cr_message WHERE (gateway = ? OR (? AND gateway IS NULL)) AND id > ? ORDER BY id LIMIT ?
                """)
                .params(gateway, platformGateway, afterId, limit)
                .query((rs, i) -> {
                    long account = rs.getLong(8);
                    Long accountId = rs.wasNull() ? null : account;
                    long notice = rs.getLong(5);
                    Long noticeId = rs.wasNull() ? null : notice;
                    return new Message(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                            noticeId, Recipient.valueOf(rs.getString(6)), rs.getString(7), accountId, rs.getString(9),
                            instant(rs, 10));
                }).list();
    }

    /** Every message of a case, in order (tests, the case's own view). */
    public List<Message> ofCase(String caseNumber) {
        return jdbc.sql("""
                SELECT id, gateway, kind, case_number, notice_id, recipient, notifier_ref, account_id, body, created_at
                FROM cr_message WHERE case_number = ? ORDER BY id
                """)
                .param(caseNumber)
                .query((rs, i) -> {
                    long account = rs.getLong(8);
                    Long accountId = rs.wasNull() ? null : account;
                    long notice = rs.getLong(5);
                    Long noticeId = rs.wasNull() ? null : notice;
                    return new Message(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                            noticeId, Recipient.valueOf(rs.getString(6)), rs.getString(7), accountId, rs.getString(9),
                            instant(rs, 10));
                }).list();
    }
}
