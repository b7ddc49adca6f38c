package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many orders end at once: each append runs in its own transaction (as in a job of the engine), on its own
 * connection, all started together. The chain must not fork: sequence numbers 1..N without gaps or doubles, each
 * entry linked to the one before, the head on the last entry, and the whole chain verifying.
 */
class TransparencyLedgerConcurrencyTest {

    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 25;

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dd-concurrency-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("dd_schema_history").load().migrate();
        TransparencyLedger ledger = new TransparencyLedger(JdbcClient.create(ds), Clock.systemUTC());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> connections = ConcurrentHashMap.newKeySet();
        List<Future<List<LedgerEntry>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<LedgerEntry> mine = new ArrayList<>();
                for (int n = 0; n < APPENDS_PER_THREAD; n++) {
                    String trackingNumber = String.format("LO-2026-%02d%04d", thread, n);
                    mine.add(tx.execute(status -> {
                        connections.add(Thread.currentThread().getName());
                        return ledger.append(LedgerTestOrders.order(trackingNumber, thread % 2 == 0 ? "DE" : "FR",
                                OrderType.COURT_ORDER, false, 1), OrderOutcome.FULFILLED, 1);
                    }));
                    // the same order again, as a retried job would: still one entry
                    if (n % 5 == 0) {
                        tx.execute(status -> ledger.append(LedgerTestOrders.order(trackingNumber, "DE",
                                OrderType.COURT_ORDER, false, 1), OrderOutcome.FULFILLED, 1));
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<LedgerEntry> appended = new ArrayList<>();
        for (Future<List<LedgerEntry>> result : results) {
            appended.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        int total = THREADS * APPENDS_PER_THREAD;
        assertThat(connections).hasSize(THREADS);
        assertThat(appended).extracting(LedgerEntry::seq).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForList("SELECT seq FROM dd_ledger_entry ORDER BY seq", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT prev_hash) FROM dd_ledger_entry", Long.class))
                .as("no two entries link to the same predecessor: no fork").isEqualTo(total);
        assertThat(jdbc.queryForObject("SELECT SUM(requests) FROM dd_ledger_month", Long.class))
                .as("the monthly totals counted every append once").isEqualTo(total);
        TransparencyLedger.Verification verification = ledger.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(total);
        assertThat(ledger.head().seq()).isEqualTo(total);
    }
}
