package com.disclosuredesk.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;


import com.disclosuredesk.common.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of periods, frozen once and then published ({@code dd_transparency_report}). Freezing is idempotent
 * per period: the first freeze stores the report (JSON and CSV) with the ledger head it was computed from; a later
 * freeze of the same period returns what was stored, so a published report never changes. A report is only frozen
 * from a ledger that verifies. The stored report holds both parts, the legal orders counted from the ledger and the
 * moderation figures ({@link ModerationFigures}) of the same period, computed in the freeze's transaction, with the
 * ledger head.
 */
@Repository
public class PublishedReports {

    public enum Status { FROZEN, PUBLISHED }

    /** A stored report without its content. */
    public record Summary(String period, LocalDate from, LocalDate to, Status status, long ledgerHeadSeq,
                          String ledgerHeadHash, Instant computedAt, Instant publishedAt, String sha256) {}

    /** A stored report with its content: the JSON as published, and the same figures as CSV. */
    public record Stored(Summary summary, String json, String csv) {}

    private final JdbcClient jdbc;
    private final TransparencyLedger ledger;
    private final TransparencyReportService reports;
    private final ObjectMapper json;
    private final Clock clock;

    public PublishedReports(JdbcClient jdbc, TransparencyLedger ledger, TransparencyReportService reports,
                            ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    /** Freezes the report of the period, or returns the one frozen before. */
    @Transactional
    public Summary freeze(ReportPeriod period) {
        Optional<Summary> earlier = find(period.id()).map(Stored::summary);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        TransparencyLedger.Verification verification = ledger.verify();
        if (!verification.intact()) {
            throw new LedgerNotIntactException(verification);
        }
        TransparencyReport report = reports.computeFromEntries(period,
                new TransparencyLedger.Head(verification.entries(), verification.headHash()));
        checkAgainstMonthlyTotals(period, report);
        String content;
        try {
            content = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report of " + period.id() + " cannot be written as JSON", e);
        }
        // a concurrent freeze of the same period fails on the primary key; its job's retry then finds this one
        jdbc.sql("""
                INSERT INTO dd_transparency_report (period_id, period_from, period_to, status, ledger_head_seq,
                    ledger_head_hash, computed_at, report_json, report_csv, report_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(period.id(), period.from(), period.to(), Status.FROZEN.name(), report.ledger().headSeq(),
                        report.ledger().headHash(), report.computedAt().atOffset(ZoneOffset.UTC), content,
                        ReportCsv.write(report), Sha256.hex(content))
                .update();
        return find(period.id()).orElseThrow().summary();
    }

    /**
     * The live report reads whole months from the running monthly totals; for a period that has ended, they must
     * give the figures the entries give (entries appended later end later). A difference means the totals were
     * changed or lost: nothing is frozen, the job fails and the incident names the period.
     */
    private void checkAgainstMonthlyTotals(ReportPeriod period, TransparencyReport fromEntries) {
        if (period.end().isAfter(clock.instant())) {
            return;
        }
        TransparencyReport live = reports.compute(period);
        if (!live.totals().equals(fromEntries.totals()) || !live.countries().equals(fromEntries.countries())) {
            throw new IllegalStateException("The monthly totals of the ledger disagree with its entries for the period "
                    + period.id() + "; no report is frozen.");
        }
    }

    /** Publishes a frozen report; publishing it again changes nothing. */
    @Transactional
    public Summary publish(String periodId) {
        jdbc.sql("UPDATE dd_transparency_report SET status = ?, published_at = ? WHERE period_id = ? AND status = ?")
                .params(Status.PUBLISHED.name(), clock.instant().atOffset(ZoneOffset.UTC), canonical(periodId), Status.FROZEN.name())
                .update();
        return find(periodId).orElseThrow(() -> new IllegalStateException("no frozen report of " + periodId)).summary();
    }

    /** The stored report of a period by its id; a range that is a whole month or quarter finds it by its short id. */
    public Optional<Stored> find(String periodId) {
        return jdbc.sql("SELECT * FROM dd_transparency_report WHERE period_id = ?").param(canonical(periodId))
                .query((rs, i) -> new Stored(summary(rs), rs.getString("report_json"), rs.getString("report_csv")))
                .optional();
    }

    public Optional<Stored> findPublished(String periodId) {
        return find(periodId).filter(r -> r.summary().status() == Status.PUBLISHED);
    }

    /** The published reports, the latest period first. */
    public List<Summary> published() {
        return jdbc.sql("""
                SELECT period_id, period_from, period_to, status, ledger_head_seq, ledger_head_hash, computed_at,
                    published_at, report_sha256
                FROM dd_transparency_report WHERE status = ? ORDER BY period_to DESC, period_from DESC
                """).param(Status.PUBLISHED.name()).query((rs, i) -> summary(rs)).list();
    }

    /** The id under which a period is stored: {@code 2026-11} for {@code 2026-11-01_2026-11-30}; others as given. */
    static String canonical(String periodId) {
        try {
            return ReportPeriod.ofId(periodId).id();
        } catch (ReportRequestException e) {
            return periodId;
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new Summary(rs.getString("period_id"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), Status.valueOf(rs.getString("status")),
                rs.getLong("ledger_head_seq"), rs.getString("ledger_head_hash"),
                rs.getObject("computed_at", OffsetDateTime.class).toInstant(),
                published == null ? null : published.toInstant(), rs.getString("report_sha256"));
    }

    /** The ledger does not verify: no report is frozen from it (the job fails and becomes an incident). */
    public static class LedgerNotIntactException extends IllegalStateException {
        public LedgerNotIntactException(TransparencyLedger.Verification verification) {
            super("The transparency ledger does not verify (first broken entry " + verification.firstBrokenSeq() + ": "
                    + verification.problem() + "); no report is frozen from it.");
        }
    }
}
