package com.disclosuredesk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows of a feed that clients read "after the last id you saw" (an authority's order messages, {@code dd_outbox}; the
 * gateways' messages, {@code cr_message}; the DSA statements of reasons, {@code cr_statement}) get their id when
 * their transaction commits, under the feed's lock, so that ids follow the order of the commits.
 * <p>
 * With ids taken when a row is written, two transactions commit in the other order whenever the one that took the
 * smaller id runs longer: a client that read the larger id in between and asks for what comes after it never sees the
 * smaller one (found by the lifecycle benchmark, issue 18: an order's "disclosed" message was skipped). Here a
 * transaction keeps its rows until it commits; then it locks the feed's row in {@code dd_feed_lock}, takes the ids,
 * inserts and commits, and the next transaction waiting for the lock takes larger ids after that commit. The lock is
 * held only for the inserts and the commit. Without a transaction (a statement of its own) the row is written at once.
 * <p>
 * Hand-written: Spring has the transaction hook ({@link TransactionSynchronization#beforeCommit}), but nothing that
 * orders ids by commit on both H2 and PostgreSQL.
 */
@Component
public class CommitOrderedFeed {

    private final JdbcClient jdbc;
    private final Sequences sequences;

    public CommitOrderedFeed(JdbcClient jdbc, Sequences sequences) {
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    /**
     * Adds a row to the feed: {@code insert} writes it with the id it is given, the next value of the feed table's
     * sequence ({@code <feed>_seq}), when the current transaction commits (at once without one). Rows of one
     * transaction keep their order.
     *
     * @param feed the feed's table, a row of {@code dd_feed_lock}
     */
    public void append(String feed, LongConsumer insert) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert.accept(sequences.next(feed + "_seq"));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.rows.computeIfAbsent(feed, f -> new ArrayList<>()).add(insert);
    }

    /** The rows of one transaction, by feed (locked in the order of their names: no two commits wait for each other). */
    private final class Pending implements TransactionSynchronization {
        private final Map<String, List<LongConsumer>> rows = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            for (Map.Entry<String, List<LongConsumer>> feed : rows.entrySet()) {
                List<String> locked = jdbc.sql("SELECT feed FROM dd_feed_lock WHERE feed = ? FOR UPDATE")
                        .param(feed.getKey()).query(String.class).list();
                if (locked.size() != 1) {
                    throw new IllegalStateException("No feed lock for " + feed.getKey() + " (dd_feed_lock)");
                }
                for (LongConsumer insert : feed.getValue()) {
                    insert.accept(sequences.next(feed.getKey() + "_seq"));
                }
            }
            rows.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitOrderedFeed.this);
        }
    }
}
