package com.disclosuredesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

class NodeIdentityPluginTest {

    @Test
    void theNodeIdNamesTheJobLogHostAndPrefixesTheLockOwner() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(new DefaultJobExecutor());
        NodeIdentityPlugin plugin = new NodeIdentityPlugin(new NodeIdentityPlugin.Settings("node-a"));

        plugin.preInit(configuration);
        plugin.postInit(configuration);

        assertThat(configuration.getHostname()).isEqualTo("node-a");
        assertThat(configuration.getJobExecutor().getLockOwner()).matches("node-a:[0-9a-f]{8}");
        // a restarted node locks under a new owner
        StandaloneInMemProcessEngineConfiguration again = new StandaloneInMemProcessEngineConfiguration();
        again.setJobExecutor(new DefaultJobExecutor());
        plugin.postInit(again);
        assertThat(again.getJobExecutor().getLockOwner()).startsWith("node-a:")
                .isNotEqualTo(configuration.getJobExecutor().getLockOwner());
    }

    @Test
    void withoutANodeIdTheEngineDefaultsStay() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(new DefaultJobExecutor());
        String lockOwner = configuration.getJobExecutor().getLockOwner();
        NodeIdentityPlugin plugin = new NodeIdentityPlugin(new NodeIdentityPlugin.Settings("  "));

        plugin.preInit(configuration);
        plugin.postInit(configuration);

        assertThat(configuration.getHostname()).isNull();
        assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(lockOwner);
    }

    @Test
    void aNodeIdIsAPlainName() {
        assertThatThrownBy(() -> new NodeIdentityPlugin(new NodeIdentityPlugin.Settings("node a"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new NodeIdentityPlugin(new NodeIdentityPlugin.Settings("x".repeat(65)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void atStartANodeReleasesTheJobLocksOfItsEarlierRunsOnly() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:node-identity-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64) PRIMARY KEY, LOCK_OWNER_ VARCHAR(255), LOCK_EXP_TIME_ TIMESTAMP)");
        Timestamp inFiveMinutes = Timestamp.from(Instant.now().plusSeconds(300));
        for (String[] job : List.of(
                new String[] {"killed-run", "node_a:1a2b3c4d"},
                new String[] {"killed-run-2", "node_a:1a2b3c4d"},
                new String[] {"older-run", "node_a:99999999"},
                new String[] {"this-run", "node_a:current0"},
                new String[] {"other-node", "node-b:1a2b3c4d"},
                new String[] {"similar-name", "nodexa:1a2b3c4d"},
                new String[] {"longer-name", "node_a2:1a2b3c4d"},
                new String[] {"free", null})) {
            jdbc.update("INSERT INTO ACT_RU_JOB VALUES (?, ?, ?)", job[0], job[1], job[1] == null ? null : inFiveMinutes);
        }
        NodeIdentityPlugin plugin = new NodeIdentityPlugin(new NodeIdentityPlugin.Settings("node_a"));

        int released = plugin.releaseLocksOfEarlierRuns(dataSource, "", "node_a:current0");

        assertThat(released).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NULL AND LOCK_EXP_TIME_ IS NULL ORDER BY ID_",
                String.class)).containsExactly("free", "killed-run", "killed-run-2", "older-run");
        assertThat(jdbc.queryForList("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL ORDER BY ID_", String.class))
                .containsExactly("node_a2:1a2b3c4d", "node-b:1a2b3c4d", "nodexa:1a2b3c4d", "node_a:current0");
    }
}
