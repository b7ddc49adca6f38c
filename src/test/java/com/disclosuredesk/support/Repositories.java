package com.disclosuredesk.support;

import java.time.Clock;

import javax.sql.DataSource;

import com.disclosuredesk.common.CommitOrderedFeed;
import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.order.AuthorityNotes;
import com.disclosuredesk.order.OrderOutbox;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The order's repositories on a test database, wired as Spring wires them, for tests without a context. */
public final class Repositories {

    private Repositories() {}

    public static OrderRepository orders(DataSource db, Clock clock) {
        return new OrderRepository(JdbcClient.create(db), new Sequences(db), outbox(db, clock), clock);
    }

    public static OrderTimeline timeline(DataSource db, Clock clock) {
        return new OrderTimeline(JdbcClient.create(db), new Sequences(db), clock);
    }

    public static OrderOutbox outbox(DataSource db, Clock clock) {
        return new OrderOutbox(JdbcClient.create(db), new CommitOrderedFeed(JdbcClient.create(db), new Sequences(db)), clock);
    }

    public static AuthorityNotes notes(DataSource db, Clock clock) {
        return new AuthorityNotes(JdbcClient.create(db), new Sequences(db), clock);
    }
}
