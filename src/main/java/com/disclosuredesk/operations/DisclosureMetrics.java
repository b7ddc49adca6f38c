package com.disclosuredesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;


import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Timers of the disclosure, recorded when the disclosure's transaction commits (a retried attempt that rolls back
 * is not counted):
 * <ul>
 *   <li>{@code disclosuredesk_disclosure_duration_seconds{outcome}}: the disclosure step itself (reading the
 *       subscriber data, building, digesting and encrypting the package);</li>
 *   <li>{@code disclosuredesk_order_time_to_disclosure_seconds}: from the order's receipt to its disclosure
 *       (analysis and approval included), with buckets at the e-Evidence deadlines (8 hours, 10 days).</li>
 * </ul>
 */
@Component
public class DisclosureMetrics {

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timer timeToDisclosure;

    public DisclosureMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeToDisclosure = Timer.builder("disclosuredesk.order.time.to.disclosure")
                .description("Time from the receipt of an order to its disclosure")
                .serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(8), Duration.ofDays(1),
                        Duration.ofDays(3), Duration.ofDays(10), Duration.ofDays(30))
                .register(registry);
    }

    /** Starts timing a disclosure step: pass the value to {@link #disclosed}. */
    public long start() {
        return System.nanoTime();
    }

    /** The step of {@code trackingNumber}, started at {@code startNanos}, ended with {@code outcome}; counted on commit. */
    public void disclosed(String trackingNumber, long startNanos, String outcome) {
        Duration step = Duration.ofNanos(System.nanoTime() - startNanos);
        Timer stepTimer = Timer.builder("disclosuredesk.disclosure.duration")
                .description("Duration of the disclosure step (subscriber data, package, digest, encryption)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        OffsetDateTime receivedAt = jdbc.sql("SELECT received_at FROM dd_legal_order WHERE tracking_number = ?")
                .param(trackingNumber).query(OffsetDateTime.class).optional().orElse(null);
        Runnable record = () -> {
            stepTimer.record(step);
            if (receivedAt != null) {
                Duration sinceReceipt = Duration.between(receivedAt.toInstant(), clock.instant());
                if (!sinceReceipt.isNegative()) {
                    timeToDisclosure.record(sinceReceipt);
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }
}
