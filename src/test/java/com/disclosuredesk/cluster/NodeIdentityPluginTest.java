package com.disclosuredesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

class NodeIdentityPluginTest {

    @Test
    void theNodeIdNamesTheJobLogHostAndPrefixesTheLockOwner() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(new DefaultJobExecutor());
        NodeIdentityPlugin plugin = new NodeIdentityPlugin("node-a");

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
        NodeIdentityPlugin plugin = new NodeIdentityPlugin("  ");

        plugin.preInit(configuration);
        plugin.postInit(configuration);

        assertThat(configuration.getHostname()).isNull();
        assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(lockOwner);
    }

    @Test
    void aNodeIdIsAPlainName() {
        assertThatThrownBy(() -> new NodeIdentityPlugin("node a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new NodeIdentityPlugin("x".repeat(65))).isInstanceOf(IllegalStateException.class);
    }
}
