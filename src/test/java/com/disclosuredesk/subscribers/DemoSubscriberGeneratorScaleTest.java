package com.disclosuredesk.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The options for a large demo directory: IP log entries per account, streaming commits with progress,
 * limits. Small counts only: how fast a large directory is generated is measured by the benchmark
 * ({@code bench/disclosure-extraction.sh}), never asserted in tests.
 */
class DemoSubscriberGeneratorScaleTest {

    private static final Instant ANCHOR = Instant.parse("2025-01-15T08:30:00Z");

    @Test
    void theAverageOfIpEntriesPerAccountSetsTheRange() {
        assertThat(DemoSubscriberGenerator.minIpEntries(35)).isEqualTo(10);
        assertThat(DemoSubscriberGenerator.maxIpEntries(35)).isEqualTo(60);
        assertThat(DemoSubscriberGenerator.minIpEntries(50)).isEqualTo(14);
        assertThat(DemoSubscriberGenerator.maxIpEntries(50)).isEqualTo(86);
        assertThat(DemoSubscriberGenerator.minIpEntries(1)).isEqualTo(1);
        assertThat(DemoSubscriberGenerator.maxIpEntries(1)).isEqualTo(1);
        assertThat(DemoSubscriberGenerator.maxIpEntries(1000)).isEqualTo(1714);
        assertThat(DemoSubscriberGenerator.DEFAULT_IP_ENTRIES_PER_ACCOUNT).isEqualTo(35);
        assertThatThrownBy(() -> DemoSubscriberGenerator.minIpEntries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoSubscriberGenerator.minIpEntries(1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiftyEntriesPerAccountOnAverageGiveFourteenToEightySixEachAndTheSameAccounts() {
        DataSource defaults = SubscriberTestDatabase.newDatabase();
        DataSource fifty = SubscriberTestDatabase.newDatabase();
        new DemoSubscriberGenerator().generate(defaults, 400, ANCHOR);
        DemoSubscriberGenerator.Result result = new DemoSubscriberGenerator()
                .generate(fifty, 400, ANCHOR, 50, DemoSubscriberGenerator.ProgressListener.NONE);

        JdbcTemplate jdbc = new JdbcTemplate(fifty);
        Map<String, Object> ip = jdbc.queryForMap("""
                SELECT MIN(c) AS min_count, MAX(c) AS max_count, AVG(CAST(c AS DOUBLE PRECISION)) AS avg_count,
                       COUNT(*) AS accounts FROM (SELECT account_id, COUNT(*) AS c FROM sub_ip_log GROUP BY account_id) t""");
        assertThat(((Number) ip.get("ACCOUNTS")).intValue()).isEqualTo(400);
        assertThat(((Number) ip.get("MIN_COUNT")).intValue()).isGreaterThanOrEqualTo(14);
        assertThat(((Number) ip.get("MAX_COUNT")).intValue()).isLessThanOrEqualTo(86);
        assertThat(((Number) ip.get("AVG_COUNT")).doubleValue()).isBetween(46.0, 54.0);
        assertThat(result.ipEntries()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM sub_ip_log", Integer.class));
        assertThat(result.rows()).isEqualTo(400L + result.ipEntries() + result.devices() + result.usernameHistoryEntries());

        // accounts, phone numbers, devices and renames do not depend on the IP log size
        for (String query : List.of("SELECT * FROM sub_account ORDER BY id", "SELECT * FROM sub_device ORDER BY id",
                "SELECT * FROM sub_username_history ORDER BY id")) {
            assertThat(jdbc.queryForList(query)).isEqualTo(new JdbcTemplate(defaults).queryForList(query));
        }
    }

    @Test
    void largeAveragesKeepIpLogIdsUnique() {
        DataSource ds = SubscriberTestDatabase.newDatabase();
        DemoSubscriberGenerator.Result result = new DemoSubscriberGenerator()
                .generate(ds, 3, ANCHOR, 120, DemoSubscriberGenerator.ProgressListener.NONE);

        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(result.ipEntries()).isGreaterThanOrEqualTo(3 * 34);
        assertThat(jdbc.queryForObject("SELECT MIN(id) FROM sub_ip_log WHERE account_id = 100002", Long.class))
                .isEqualTo(100002L * 1000);
    }

    @Test
    void commitsAsItGoesAndReportsProgressAfterEveryCommit() {
        DataSource ds = SubscriberTestDatabase.newDatabase();
        JdbcTemplate other = new JdbcTemplate(ds); // another connection: sees committed rows only
        List<DemoSubscriberGenerator.Progress> progress = new ArrayList<>();
        List<Integer> committed = new ArrayList<>();

        DemoSubscriberGenerator.Result result = new DemoSubscriberGenerator(DemoSubscriberGenerator.DEFAULT_SEED, 10)
                .generate(ds, 45, ANCHOR, 20, p -> {
                    progress.add(p);
                    committed.add(other.queryForObject("SELECT COUNT(*) FROM sub_account", Integer.class));
                });

        assertThat(progress).extracting(DemoSubscriberGenerator.Progress::accountsDone).containsExactly(10, 20, 30, 40, 45);
        assertThat(committed).containsExactly(10, 20, 30, 40, 45);
        assertThat(progress).extracting(DemoSubscriberGenerator.Progress::accounts).containsOnly(45);
        assertThat(progress).extracting(DemoSubscriberGenerator.Progress::ipEntries).isSorted();
        DemoSubscriberGenerator.Progress last = progress.get(progress.size() - 1);
        assertThat(last.percent()).isEqualTo(100.0);
        assertThat(last.ipEntries()).isEqualTo(result.ipEntries());
        assertThat(last.rows()).isEqualTo(result.rows());
        assertThat(progress.get(0).percent()).isEqualTo(10 * 100.0 / 45);
        assertThat(last.rowsPerSecond()).isPositive();
    }

    @Test
    void howOftenItCommitsDoesNotChangeTheData() throws Exception {
        DataSource once = SubscriberTestDatabase.newDatabase();
        DataSource often = SubscriberTestDatabase.newDatabase();
        new DemoSubscriberGenerator().generate(once, 60, ANCHOR);
        new DemoSubscriberGenerator(DemoSubscriberGenerator.DEFAULT_SEED, 7).generate(often, 60, ANCHOR);

        assertThat(DemoSubscriberFingerprintTest.fingerprint(new JdbcTemplate(often)))
                .isEqualTo(DemoSubscriberFingerprintTest.fingerprint(new JdbcTemplate(once)));
    }

    @Test
    void joinsTheCallersTransactionInsteadOfCommitting() {
        DataSource ds = SubscriberTestDatabase.newDatabase();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

        tx.executeWithoutResult(status -> {
            new DemoSubscriberGenerator(DemoSubscriberGenerator.DEFAULT_SEED, 5).generate(new JdbcTemplate(ds), 20, ANCHOR);
            assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM sub_account", Integer.class)).isEqualTo(20);
            status.setRollbackOnly();
        });

        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM sub_account", Integer.class)).isZero();
    }

    @Test
    void aFailureRollsBackWhatWasNotCommittedAndNamesNoPersonalData() {
        DataSource ds = SubscriberTestDatabase.newDatabase();
        new DemoSubscriberGenerator().generate(ds, 3, ANCHOR);

        // the tables are not empty: the first account's id is taken
        assertThatThrownBy(() -> new DemoSubscriberGenerator().generate(ds, 5, ANCHOR))
                .isInstanceOf(DemoSubscriberGenerator.GenerationException.class)
                .hasMessageContaining("SQL state 23505")
                .hasMessageNotContaining("@demo")
                .hasMessageNotContaining("+")
                .hasNoCause();

        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM sub_account", Integer.class)).isEqualTo(3);
    }

    @Test
    void upToTenMillionAccountsWithWiderUsernames() {
        assertThat(DemoSubscriberGenerator.MAX_ACCOUNTS).isEqualTo(10_000_000);
        assertThat(DemoSubscriberGenerator.username(1, 1_000_000)).isEqualTo("@demo0000001");
        assertThat(DemoSubscriberGenerator.username(1_000_000, 1_000_000)).isEqualTo("@demo1000000");
        assertThat(DemoSubscriberGenerator.accountId(1_000_000)).isEqualTo(1_100_000L);
        DataSource ds = SubscriberTestDatabase.newDatabase();
        assertThatThrownBy(() -> new DemoSubscriberGenerator().generate(ds, 10_000_001, ANCHOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoSubscriberGenerator()
                .generate(ds, 10_000_000, ANCHOR, 500, DemoSubscriberGenerator.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too many IP log entries");
        assertThatThrownBy(() -> new DemoSubscriberGenerator()
                .generate(ds, 10, ANCHOR, 0, DemoSubscriberGenerator.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM sub_account", Integer.class)).isZero();
    }

    @Test
    void theSetOfPhoneNumbersFindsDuplicatesAndGrows() {
        DemoSubscriberGenerator.LongSet set = new DemoSubscriberGenerator.LongSet(2);
        for (long v = 1; v <= 10_000; v++) {
            assertThat(set.add(4915_100_000_000L + v * 7919)).isTrue();
        }
        for (long v = 1; v <= 10_000; v++) {
            assertThat(set.add(4915_100_000_000L + v * 7919)).isFalse();
        }
        assertThat(set.size()).isEqualTo(10_000);
        assertThatThrownBy(() -> set.add(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
