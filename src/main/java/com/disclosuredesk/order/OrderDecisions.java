package com.disclosuredesk.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


import com.disclosuredesk.common.Sequences;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The decisions legal staff take on an order ({@code dd_order_decision}), recorded by the task listeners when a task
 * is completed, from the signed-in user: which step, what was decided, which categories, by whom, when, on which
 * task. They, not process variables, say what may be disclosed and who analysed and approved it (docs/security.md).
 * Append-only.
 */
@Repository
public class OrderDecisions {

    /** The steps of legal-order at which a person decides. */
    public enum Step { VERIFICATION, ANALYSIS, APPROVAL, EMERGENCY_APPROVAL, ANALYSIS_AFTER_DISCLOSURE }

    /**
     * One decision. {@code basedOnId}: the decision it decides on (an approval: the analysis; the analysis after an
     * emergency disclosure: the approval alone).
     */
    public record Decision(long id, String trackingNumber, Step step, String decision, Set<DataCategory> categories,
                           String decidedBy, Instant decidedAt, String taskId, Long basedOnId) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Sequences sequences;

    public OrderDecisions(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sequences = sequences;
    }

    public Decision record(String trackingNumber, Step step, String decision, Set<DataCategory> categories, String decidedBy,
                           String taskId, Long basedOnId) {
        long id = sequences.next("dd_order_decision_seq");
        Instant now = clock.instant();
        String names = categories == null || categories.isEmpty() ? null
                : categories.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        try {
            jdbc.sql("""
                INSERT INTO dd_order_decision (id, tracking_number, step, decision, categories, decided_by, decided_at, task_id, based_on_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, trackingNumber, step.name(), decision, names, decidedBy, now.atOffset(ZoneOffset.UTC), taskId, basedOnId)
                .update();
        } catch (DuplicateKeyException e) {
            // one decision per task: a concurrent completion of the same task won; this one is the engine's lost race
            // (409 on both engine APIs), and its transaction rolls back
            throw new OptimisticLockingException("Task " + taskId + " was decided by a concurrent request; reload it");
        }
        return new Decision(id, trackingNumber, step, decision, categories == null ? EnumSet.noneOf(DataCategory.class)
                : categories.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(categories), decidedBy, now, taskId, basedOnId);
    }

    /** Every decision on the order, oldest first. */
    public List<Decision> of(String trackingNumber) {
        return jdbc.sql("SELECT * FROM dd_order_decision WHERE tracking_number = ? ORDER BY id")
                .param(trackingNumber).query(OrderDecisions::decision).list();
    }

    /** Those of the given orders that have a decision on record (one query per 500 orders). */
    public java.util.Set<String> withRecords(java.util.Collection<String> trackingNumbers) {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        List<String> all = List.copyOf(trackingNumbers);
        for (int from = 0; from < all.size(); from += 500) {
            recorded.addAll(jdbc.sql("SELECT DISTINCT tracking_number FROM dd_order_decision WHERE tracking_number IN (:numbers)")
                    .param("numbers", all.subList(from, Math.min(all.size(), from + 500))).query(String.class).list());
        }
        return recorded;
    }

    /** The latest decision on the order at one of {@code steps}. */
    public Optional<Decision> latest(String trackingNumber, Step... steps) {
        List<Step> wanted = Arrays.asList(steps);
        List<Decision> all = of(trackingNumber);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (wanted.contains(all.get(i).step())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private static Decision decision(ResultSet rs, int row) throws SQLException {
        String categories = rs.getString("categories");
        Set<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        if (categories != null && !categories.isBlank()) {
            Arrays.stream(categories.split(",")).map(String::trim).map(DataCategory::valueOf).forEach(set::add);
        }
        long basedOn = rs.getLong("based_on_id");
        Long basedOnId = rs.wasNull() ? null : basedOn;
        return new Decision(rs.getLong("id"), rs.getString("tracking_number"), Step.valueOf(rs.getString("step")),
                rs.getString("decision"), set, rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getString("task_id"), basedOnId);
    }
}
