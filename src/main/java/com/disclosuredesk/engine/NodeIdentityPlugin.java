package com.disclosuredesk.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Names this node when several nodes share one database ({@code disclosure-desk.node-id}, environment variable
 * {@code DISCLOSURE_DESK_NODE_ID}). The engine records the name as the host name of every entry of its job log
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}, {@code hostname} in {@code /engine-rest/history/job-log}), so each
 * asynchronous step shows the node that ran it, and the job executor locks jobs as {@code <node-id>:<random>}
 * ({@code ACT_RU_JOB.LOCK_OWNER_}). Without a node id the engine's defaults stay (host address and engine name;
 * a random lock owner).
 * <p>
 * A node with a name takes back its own work after a crash: when its engine is built, before its job executor
 * starts, it releases the job locks that an earlier run of the same node still holds (lock owner
 * {@code <node-id>:<other random>}). Killed with {@code kill -9}, that run left them locked until
 * {@code lock-time-in-millis} (5 minutes by default); now the jobs are due again at once. The locks of other nodes
 * keep the engine's rules (they expire). So a node id must name one running node only; the embedded default (H2,
 * one process) is always the node {@code local}. See docs/cluster.md.
 */
@Component
@EnableConfigurationProperties(NodeIdentityPlugin.Settings.class)
public class NodeIdentityPlugin extends AbstractProcessEnginePlugin {

    /**
     * @param nodeId {@code disclosure-desk.node-id}: this node's name, unique per node; none (empty) on PostgreSQL
     *               unless {@code DISCLOSURE_DESK_NODE_ID} gives one, {@code local} in the embedded default
     */
    @ConfigurationProperties("disclosure-desk")
    public record Settings(String nodeId) {}

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentityPlugin.class);

    private final String nodeId;
    private ProcessEngineConfigurationImpl configuration;

    public NodeIdentityPlugin(Settings settings) {
        String nodeId = settings.nodeId();
        this.nodeId = nodeId == null ? "" : nodeId.trim();
        if (!this.nodeId.isEmpty() && !this.nodeId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalStateException("disclosure-desk.node-id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeId.isEmpty()) {
            configuration.setHostname(nodeId);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeId.isEmpty() && configuration.getJobExecutor() != null) {
            // the random part keeps lock owners of a restarted node apart from those of its previous life
            configuration.getJobExecutor().setLockOwner(nodeId + ":" + UUID.randomUUID().toString().substring(0, 8));
            LOG.info("Node {}: job log host name {}, job lock owner {}", nodeId, configuration.getHostname(),
                    configuration.getJobExecutor().getLockOwner());
            this.configuration = configuration;
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (configuration != null) {
            int released = releaseLocksOfEarlierRuns(configuration.getDataSource(),
                    configuration.getDatabaseTablePrefix(), configuration.getJobExecutor().getLockOwner());
            if (released > 0) {
                LOG.info("Node {}: released {} job locks of its earlier run; those jobs are due again", nodeId, released);
            }
        }
    }

    /**
     * Releases the job locks held by earlier runs of this node: owners {@code <node-id>:...} other than
     * {@code currentOwner}. The current run's own locks (if its job executor already runs) are kept.
     *
     * @return how many jobs were unlocked
     */
    int releaseLocksOfEarlierRuns(DataSource dataSource, String tablePrefix, String currentOwner) {
        String pattern = nodeId.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + ":%";
        String sql = "UPDATE " + (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB SET LOCK_OWNER_ = NULL, "
                + "LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ LIKE ? ESCAPE '\\' AND LOCK_OWNER_ <> ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, pattern);
            update.setString(2, currentOwner);
            int released = update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return released;
        } catch (SQLException e) {
            // not fatal: the locks then expire as before
            LOG.warn("Node {}: could not release the job locks of its earlier run ({}); they expire after the lock time",
                    nodeId, e.getMessage());
            return 0;
        }
    }
}
