package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.disclosuredesk.common.CommitOrderedFeed;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds read "after the last id you saw" get their ids in the order of the commits, on H2 and (package e2e) on
 * PostgreSQL: a transaction that added its row first but commits last gets the larger id, so a client that has read
 * the other row already still sees it.
 */
@DisclosureDeskHttpTest
class CommitOrderedFeedTest {

    @Autowired
    CommitOrderedFeed feed;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<String> written = new CopyOnWriteArrayList<>();

    @Test
    void aTransactionThatCommitsLaterGetsALargerIdThanOneThatCommittedBeforeItEvenIfItAddedItsRowFirst() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        long[] ids = new long[2];
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            feed.append("cr_message", id -> {
                ids[0] = id;
                written.add("first");
            });
            firstAdded.countDown();
            await(secondCommitted);
            assertThat(written).as("nothing written before the commit").containsExactly("second");
        }));
        await(firstAdded);
        tx.executeWithoutResult(status -> feed.append("cr_message", id -> {
            ids[1] = id;
            written.add("second");
        }));
        secondCommitted.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThat(written).containsExactly("second", "first");
        assertThat(ids[0]).as("the id of the transaction that committed last").isGreaterThan(ids[1]);
    }

    @Test
    void aRolledBackTransactionWritesNothingAndRowsOfOneTransactionKeepTheirOrder() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            feed.append("dd_outbox", id -> written.add("rolled back"));
            status.setRollbackOnly();
        });
        assertThat(written).isEmpty();

        List<Long> ids = new CopyOnWriteArrayList<>();
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                feed.append("cr_statement", id -> {
                    ids.add(id);
                    written.add("row " + n);
                });
            }
            feed.append("dd_outbox", id -> written.add("outbox"));
        });
        // feeds are written in the order of their names (so two commits never wait for each other), rows in theirs
        assertThat(written).containsExactly("row 0", "row 1", "row 2", "outbox");
        assertThat(ids).isSorted();
    }

    @Test
    void withoutATransactionTheRowIsWrittenAtOnce() {
        feed.append("dd_outbox", id -> written.add("at once " + (id > 0)));
        assertThat(written).containsExactly("at once true");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
