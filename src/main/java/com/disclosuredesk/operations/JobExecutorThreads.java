package com.disclosuredesk.operations;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The number of threads that run the engine's asynchronous steps ({@code disclosure-desk.job-executor.threads},
 * environment variable {@code DISCLOSURE_DESK_JOB_EXECUTOR_THREADS}), when it is not set: one per two processor cores,
 * at least one. application.yaml gives it to the job executor as its core and maximum pool size.
 *
 * <p>Why not more: the asynchronous steps (validity check, tasks, disclosure, ledger) run on the same cores as the API.
 * With as many job threads as cores, a burst of orders made every authority wait for its acknowledgment while the steps
 * of the orders before it ran; with one job thread on two cores, intake answered about twice as many orders per second
 * at a lower p99, the steps of the burst followed seconds later, and the orders completed per second from submission
 * to the ledger stayed the same (docs/performance.md).
 */
public class JobExecutorThreads implements EnvironmentPostProcessor {

    public static final String PROPERTY = "disclosure-desk.job-executor.threads";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("disclosureDeskJobExecutorDefaults",
                Map.of(PROPERTY, defaultThreads(Runtime.getRuntime().availableProcessors()))));
    }

    /** One thread per two cores, at least one. */
    static int defaultThreads(int cores) {
        return Math.max(1, cores / 2);
    }
}
