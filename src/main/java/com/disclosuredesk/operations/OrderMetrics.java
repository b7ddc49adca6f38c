package com.disclosuredesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.disclosuredesk.order.OrderStatus;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;


import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database when metrics are scraped (each figure at most once per
 * {@code disclosure-desk.metrics.max-age}, so that one scrape costs a handful of count queries however many
 * series it reads):
 * <ul>
 *   <li>{@code disclosuredesk_orders{status}}: orders by status (the status an authority sees), from the orders table;</li>
 *   <li>{@code disclosuredesk_tasks_overdue}: open user tasks whose due date has passed (analysis, approval,
 *       verification: the e-Evidence deadlines);</li>
 *   <li>{@code disclosuredesk_incidents_open}: open incidents (failed disclosures, ledger steps...), see Cockpit;</li>
 *   <li>{@code disclosuredesk_jobs{state}}: jobs due, locked by a node, failed (no retries left).</li>
 * </ul>
 * The figures are of the whole database, the same on every node.
 */
@Component
@EnableConfigurationProperties(OrderMetrics.Settings.class)
public class OrderMetrics implements MeterBinder {

    /** @param maxAge how old a gauge's figure may be ({@code PT0S}: read at every scrape) */
    @ConfigurationProperties("disclosure-desk.metrics")
    public record Settings(Duration maxAge) {
        public Settings {
            Objects.requireNonNull(maxAge, "disclosure-desk.metrics.max-age is not set");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxAge;

    private final Cached<Map<OrderStatus, Long>> ordersByStatus;
    private final Cached<Long> overdueTasks;
    private final Cached<Long> openIncidents;
    private final Cached<JobCounts> jobs;

    public OrderMetrics(JdbcClient jdbc, ProcessEngine engine, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAge = settings.maxAge().isNegative() ? Duration.ZERO : settings.maxAge();
        this.ordersByStatus = new Cached<>(this::countOrdersByStatus);
        this.overdueTasks = new Cached<>(() -> engine.getTaskService().createTaskQuery()
                .dueBefore(Date.from(clock.instant())).count());
        this.openIncidents = new Cached<>(() -> engine.getRuntimeService().createIncidentQuery().count());
        this.jobs = new Cached<>(() -> JobCounts.of(engine.getManagementService()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("disclosuredesk.orders", ordersByStatus, c -> c.get().getOrDefault(status, 0L))
                    .description("Legal orders by the status an authority sees")
                    .tag("status", status.name())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("disclosuredesk.tasks.overdue", overdueTasks, c -> c.get())
                .description("Open user tasks past their due date")
                .strongReference(true)
                .register(registry);
        Gauge.builder("disclosuredesk.incidents.open", openIncidents, c -> c.get())
                .description("Open incidents (failed jobs waiting for an administrator)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("disclosuredesk.jobs", jobs, c -> c.get().due()).tag("state", "due")
                .description("Jobs of the engine: due, locked by a job executor, failed (no retries left)")
                .strongReference(true).register(registry);
        Gauge.builder("disclosuredesk.jobs", jobs, c -> c.get().locked()).tag("state", "locked")
                .description("Jobs of the engine: due, locked by a job executor, failed (no retries left)")
                .strongReference(true).register(registry);
        Gauge.builder("disclosuredesk.jobs", jobs, c -> c.get().failed()).tag("state", "failed")
                .description("Jobs of the engine: due, locked by a job executor, failed (no retries left)")
                .strongReference(true).register(registry);
    }

    private Map<OrderStatus, Long> countOrdersByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM dd_legal_order GROUP BY status")
                .query(rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /**
     * A value computed at most once per {@link #maxAge} (at every read when it is zero): a Caffeine cache of one entry
     * that expires that long after it was computed (elapsed time, so a clock set back does not keep a figure);
     * concurrent scrapes wait for the one computation.
     */
    private final class Cached<T> {
        private final Supplier<T> compute;
        private final LoadingCache<Cached<T>, T> value;

        Cached(Supplier<T> compute) {
            this.compute = compute;
            this.value = maxAge.isZero() ? null : Caffeine.newBuilder()
                    .expireAfterWrite(maxAge)
                    .executor(Runnable::run)
                    .build(self -> compute.get());
        }

        T get() {
            return value == null ? compute.get() : value.get(this);
        }
    }
}
