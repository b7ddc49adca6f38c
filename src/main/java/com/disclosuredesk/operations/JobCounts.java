package com.disclosuredesk.operations;

import org.camunda.bpm.engine.ManagementService;

/**
 * Jobs that are due (executable now), locked by a node's executor, and failed (no retries left): read by the health
 * contributor {@code jobExecutor} (engine.JobExecutorHealthIndicator) and the metrics ({@link OrderMetrics}). Public
 * engine API only, so it lives here and the metrics do not depend on package {@code engine}.
 */
public record JobCounts(long due, long locked, long failed) {

    public static JobCounts of(ManagementService management) {
        return new JobCounts(management.createJobQuery().executable().count(),
                management.createJobQuery().acquired().count(),
                management.createJobQuery().noRetriesLeft().count());
    }
}
