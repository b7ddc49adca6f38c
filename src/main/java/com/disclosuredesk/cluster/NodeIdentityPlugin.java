package com.disclosuredesk.cluster;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node when several nodes share one database ({@code disclosure-desk.node-id}, environment variable
 * {@code DISCLOSURE_DESK_NODE_ID}). The engine records the name as the host name of every entry of its job log
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}, {@code hostname} in {@code /engine-rest/history/job-log}), so each
 * asynchronous step shows the node that ran it, and the job executor locks jobs as {@code <node-id>:<random>}
 * ({@code ACT_RU_JOB.LOCK_OWNER_}). Without a node id the engine's defaults stay (host address and engine name;
 * a random lock owner).
 */
@Component
public class NodeIdentityPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentityPlugin.class);

    private final String nodeId;

    public NodeIdentityPlugin(@Value("${disclosure-desk.node-id:}") String nodeId) {
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
        }
    }
}
