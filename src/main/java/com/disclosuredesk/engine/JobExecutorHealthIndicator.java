package com.disclosuredesk.engine;

import com.disclosuredesk.operations.JobCounts;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code jobExecutor}: whether this node's job executor runs the asynchronous steps
 * (disclosure, transparency logging, timers), with the jobs of the whole cluster that are due, locked by a node,
 * and failed (no retries left: an incident in Cockpit). Down only when the executor should run and does not;
 * failed jobs are reported, they do not take the node out of service (they are incidents for an administrator).
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final boolean enabled;

    /**
     * @param camunda {@code camunda.bpm.*} as the Camunda starter binds it (its default included): whether the job
     *                executor should run here is {@code camunda.bpm.job-execution.enabled}
     */
    public JobExecutorHealthIndicator(ProcessEngine engine, CamundaBpmProperties camunda) {
        super("Job executor health check failed");
        this.engine = engine;
        this.enabled = camunda.getJobExecution().isEnabled();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        ManagementService management = engine.getManagementService();
        JobCounts counts = JobCounts.of(management);
        builder.status(enabled && !active ? org.springframework.boot.actuate.health.Status.DOWN
                        : org.springframework.boot.actuate.health.Status.UP)
                .withDetail("enabled", enabled)
                .withDetail("active", active)
                .withDetail("jobsDue", counts.due())
                .withDetail("jobsLocked", counts.locked())
                .withDetail("jobsFailed", counts.failed());
        if (executor != null) {
            builder.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        }
    }
}
