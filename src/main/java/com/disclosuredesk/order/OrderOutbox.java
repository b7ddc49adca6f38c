package com.disclosuredesk.order;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.disclosuredesk.common.CommitOrderedFeed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages to the authority that submitted an order ({@code dd_outbox}): status changes and requests, read by its
 * system over {@code GET /api/orders/{trackingNumber}/messages} and the feed {@code GET /api/messages}. No personal data.
 */
@Repository
public class OrderOutbox {

    private final JdbcClient jdbc;
    private final CommitOrderedFeed feed;
    private final Clock clock;

    public OrderOutbox(JdbcClient jdbc, CommitOrderedFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * A message to the order's submitter (the recipient is the order's {@code submitted_by}). It is written when the
     * transaction commits, with an id in the order of the commits ({@link CommitOrderedFeed}): the feed never skips it.
     */
    public void add(String trackingNumber, String kind, String message) {
        OffsetDateTime createdAt = utc(clock.instant());
        feed.append("dd_outbox", id -> jdbc.sql("""
                INSERT INTO dd_outbox (id, tracking_number, recipient, kind, created_at, message)
                SELECT ?, tracking_number, submitted_by, ?, ?, ? FROM dd_legal_order WHERE tracking_number = ?
                """)
                .params(id, kind, createdAt, message, trackingNumber)
                .update());
    }

    public List<OutboxMessage> of(String trackingNumber) {
        return jdbc.sql("SELECT id, tracking_number, kind, created_at, message FROM dd_outbox WHERE tracking_number = ? ORDER BY id")
                .param(trackingNumber).query((rs, i) -> message(rs)).list();
    }

    /**
     * The messages for one recipient after a given id: a feed an intake system can poll. The limit is in the SQL and
     * the rows are read into a list: a {@code stream()} would hold its connection until closed, and the feed runs
     * outside a transaction, where nobody closes it (one pool connection lost per poll).
     */
    public List<OutboxMessage> forRecipient(String recipient, long afterId, int limit) {
        return jdbc.sql("SELECT id, tracking_number, kind, created_at, message FROM dd_outbox WHERE recipient = ? AND id > ? ORDER BY id LIMIT ?")
                .params(recipient, afterId, limit).query((rs, i) -> message(rs)).list();
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5));
    }
}
