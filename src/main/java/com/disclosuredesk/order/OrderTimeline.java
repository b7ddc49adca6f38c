package com.disclosuredesk.order;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.util.List;

import com.disclosuredesk.common.OrderLogContext;
import com.disclosuredesk.common.Sequences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An order's timeline ({@code dd_order_event}): what happened to it, when and by whom, in the order it happened. */
@Repository
public class OrderTimeline {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTimeline.class);

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final Clock clock;

    public OrderTimeline(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
    }

    /**
     * Appends a step. The detail is shown to the authority and staff: it never holds personal data (targets, IP
     * addresses, phone numbers); it may quote the authority (validity reasons), so it is not logged.
     */
    public void record(String trackingNumber, TimelineStep step, String actor, String detail) {
        jdbc.sql("INSERT INTO dd_order_event (id, tracking_number, occurred_at, step, actor, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(sequences.next("dd_order_event_seq"), trackingNumber, utc(clock.instant()), step.name(), actor, detail)
                .update();
        // one log line per step, with the tracking number in the logging context
        try (OrderLogContext ignored = OrderLogContext.of(trackingNumber)) {
            LOG.info("Order step {}", step);
        }
    }

    public List<TimelineEvent> of(String trackingNumber) {
        return jdbc.sql("SELECT occurred_at, step, actor, detail FROM dd_order_event WHERE tracking_number = ? ORDER BY occurred_at, id")
                .param(trackingNumber)
                .query((rs, i) -> new TimelineEvent(instant(rs, 1), TimelineStep.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4)))
                .list();
    }
}
