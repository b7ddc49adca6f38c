package com.disclosuredesk.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.moderation.DecisionLedger;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.process.OrderOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained transparency ledger. Each entry's hash covers its canonical content and the
 * previous entry's hash. Appends lock the single head row, so concurrent appends queue up and never fork the
 * chain. There is no update or delete path.
 *
 * <p>One chain, two tables (issue 17): legal orders in dd_ledger_entry ({@link LedgerEntry}, formats 1 and 2),
 * moderation decisions and complaint outcomes in dd_ledger_moderation_entry ({@link ModerationLedgerEntry}, format
 * 3). Both take their sequence number from the same head under the same lock, so each seq is in exactly one table;
 * verification walks both merged in seq order, one page of sequence numbers at a time (bounded memory at any size).
 */
@Repository
public class TransparencyLedger implements DecisionLedger {

    public static final String GENESIS_HASH = "0".repeat(64);
    /** Sequence numbers read per page while verifying: one range scan on each table's primary key per page. */
    public static final int DEFAULT_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int page;

    @Autowired
    public TransparencyLedger(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, DEFAULT_PAGE);
    }

    /** With another page size: tests (pages of two, to cross page ends) and the benchmark. */
    TransparencyLedger(JdbcClient jdbc, Clock clock, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be positive");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.page = page;
    }

    /** The last entry of the chain: its sequence number and hash (0 and the genesis hash when empty). */
    public record Head(long seq, String hash) {}

    /** Appends the entry of an ended order once; a retried append returns the entry stored the first time. */
    @Transactional
    public LedgerEntry append(LegalOrder order, OrderOutcome outcome, int usersAffected) {
        Head head = lockHead();
        // checked under the lock: an append of the same order may have committed while this one waited
        Optional<LedgerEntry> earlier = find(order.trackingNumber());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        LedgerEntry unsigned = new LedgerEntry(head.seq() + 1, LedgerEntry.CURRENT_FORMAT, order.trackingNumber(),
                micros(clock.instant()), micros(order.periodFrom()), micros(order.periodTo()),
                order.authority().country(), order.orderType().name(), LegalProcessClass.of(order.orderType()), outcome,
                usersAffected, order.targets().size(), order.emergency(), head.hash(), null);
        LedgerEntry entry = unsigned.withHash(hash(unsigned));
        jdbc.sql("""
                INSERT INTO dd_ledger_entry (seq, format_version, tracking_number, ended_at, period_from, period_to,
                    authority_country, order_type, legal_process_class, outcome, users_affected, targets_specified,
                    emergency, prev_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(entry.seq(), entry.formatVersion(), entry.trackingNumber(), utc(entry.endedAt()),
                        utc(entry.periodFrom()), utc(entry.periodTo()), entry.authorityCountry(), entry.orderType(),
                        entry.legalProcessClass().name(), entry.outcome().name(), entry.usersAffected(),
                        entry.targetsSpecified(), entry.emergency(), entry.prevHash(), entry.entryHash())
                .update();
        addToMonth(entry);
        moveHead(entry.seq(), entry.entryHash());
        return entry;
    }

    /** The head row, locked until the transaction ends: appends of either kind queue here. */
    private Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM dd_ledger_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private void moveHead(long seq, String hash) {
        jdbc.sql("UPDATE dd_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
    }

    /** The month's running totals (dd_ledger_month); under the head lock, so no two appends race for a row. */
    private void addToMonth(LedgerEntry entry) {
        Object[] key = {monthOf(entry.endedAt()), entry.authorityCountry(), entry.orderType(), entry.emergency(),
                entry.outcome().name()};
        int updated = jdbc.sql("""
                UPDATE dd_ledger_month SET requests = requests + 1, users_affected = users_affected + ?,
                    targets_specified = targets_specified + ?
                WHERE ended_month = ? AND authority_country = ? AND order_type = ? AND emergency = ? AND outcome = ?
                """).params(entry.usersAffected(), entry.targetsSpecified(), key[0], key[1], key[2], key[3], key[4]).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO dd_ledger_month (ended_month, authority_country, order_type, emergency, outcome,
                        requests, users_affected, targets_specified)
                    VALUES (?, ?, ?, ?, ?, 1, ?, ?)
                    """).params(key[0], key[1], key[2], key[3], key[4], entry.usersAffected(), entry.targetsSpecified())
                    .update();
        }
    }

    /** yyyymm of an instant in UTC, the key of dd_ledger_month. */
    static int monthOf(Instant instant) {
        java.time.LocalDate day = java.time.LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.getYear() * 100 + day.getMonthValue();
    }

    public Optional<LedgerEntry> find(String trackingNumber) {
        return jdbc.sql("SELECT * FROM dd_ledger_entry WHERE tracking_number = ?")
                .param(trackingNumber).query((rs, i) -> map(rs)).optional();
    }

    /** The facts of a moderation entry, read from the tables (never from process variables). */
    private record ModerationFacts(String caseNumber, Instant decidedAt, String category, String decisionKind,
                                   String decision, String ground, boolean trustedFlagger, String country,
                                   String complaintOutcome) {}

    /** Appends the decision's entry (MODERATION_DECISION) once: a retried step finds it and appends nothing. */
    @Override
    @Transactional
    public void decisionInForce(long decisionId) {
        appendModeration(ModerationLedgerEntry.MODERATION_DECISION, "decision:" + decisionId, () -> jdbc.sql("""
                SELECT d.case_number, d.decided_at, c.category, d.kind, d.decision, d.ground, c.trusted_notice_count,
                    c.country
                FROM cr_decision d JOIN cr_case c ON c.case_number = d.case_number WHERE d.id = ?
                """).param(decisionId).query((rs, i) -> new ModerationFacts(rs.getString(1), instant(rs, "decided_at"),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7) > 0,
                        rs.getString(8), null)).optional()
                .orElseThrow(() -> new IllegalStateException("No decision " + decisionId)));
    }

    /**
     * Appends the complaint's outcome once (COMPLAINT_OUTCOME: UPHELD or REVERSED, with the decision complained
     * about). The complaint must be decided.
     */
    @Override
    @Transactional
    public void complaintDecided(long complaintId) {
        appendModeration(ModerationLedgerEntry.COMPLAINT_OUTCOME, "complaint:" + complaintId, () -> {
            ModerationFacts facts = jdbc.sql("""
                    SELECT p.case_number, p.decided_at, c.category, d.kind, d.decision, d.ground, c.trusted_notice_count,
                        c.country, p.status
                    FROM cr_complaint p JOIN cr_decision d ON d.id = p.decision_id
                        JOIN cr_case c ON c.case_number = p.case_number
                    WHERE p.id = ?
                    """).param(complaintId).query((rs, i) -> new ModerationFacts(rs.getString(1),
                            rs.getObject(2) == null ? null : instant(rs, "decided_at"), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7) > 0, rs.getString(8), rs.getString(9)))
                    .optional().orElseThrow(() -> new IllegalStateException("No complaint " + complaintId));
            if (facts.decidedAt() == null
                    || !("UPHELD".equals(facts.complaintOutcome()) || "REVERSED".equals(facts.complaintOutcome()))) {
                throw new IllegalStateException("Complaint " + complaintId + " is not decided");
            }
            return facts;
        });
    }

    private void appendModeration(String kind, String sourceKey, Supplier<ModerationFacts> query) {
        Head head = lockHead();
        // checked under the lock: an append for the same decision or complaint may have committed meanwhile
        if (findModeration(sourceKey).isPresent()) {
            return;
        }
        ModerationFacts facts = query.get();
        ModerationLedgerEntry unsigned = new ModerationLedgerEntry(head.seq() + 1, ModerationLedgerEntry.FORMAT_V3,
                kind, sourceKey, facts.caseNumber(), micros(facts.decidedAt()), micros(clock.instant()),
                facts.category(), facts.decisionKind(), facts.decision(), facts.ground(), facts.trustedFlagger(),
                facts.country(), facts.complaintOutcome(), head.hash(), null);
        ModerationLedgerEntry entry = unsigned.withHash(Sha256.hex(unsigned.canonical()));
        jdbc.sql("""
                INSERT INTO dd_ledger_moderation_entry (seq, format_version, entry_kind, source_key, case_number,
                    decided_at, recorded_at, category, decision_kind, decision, ground, trusted_flagger, country,
                    complaint_outcome, prev_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(entry.seq(), entry.formatVersion(), entry.entryKind(), entry.sourceKey(), entry.caseNumber(),
                        utc(entry.decidedAt()), utc(entry.recordedAt()), entry.category(), entry.decisionKind(),
                        entry.decision(), entry.ground(), entry.trustedFlagger(), entry.country(),
                        entry.complaintOutcome(), entry.prevHash(), entry.entryHash())
                .update();
        moveHead(entry.seq(), entry.entryHash());
    }

    /** The moderation entry of a decision ({@code decision:<id>}) or a complaint ({@code complaint:<id>}). */
    public Optional<ModerationLedgerEntry> findModeration(String sourceKey) {
        return jdbc.sql("SELECT * FROM dd_ledger_moderation_entry WHERE source_key = ?")
                .param(sourceKey).query((rs, i) -> mapModeration(rs)).optional();
    }

    /** The head as last committed. Every entry up to its sequence number is committed with it. */
    public Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM dd_ledger_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** The hashes of one entry: what anyone may compare with a head hash published earlier. */
    public record Link(long seq, String prevHash, String entryHash) {}

    /** The hashes of entry {@code seq}, of either kind. */
    public Optional<Link> link(long seq) {
        Optional<Link> legal = jdbc.sql("SELECT seq, prev_hash, entry_hash FROM dd_ledger_entry WHERE seq = ?")
                .param(seq).query((rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        if (legal.isPresent()) {
            return legal;
        }
        return jdbc.sql("SELECT seq, prev_hash, entry_hash FROM dd_ledger_moderation_entry WHERE seq = ?")
                .param(seq).query((rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The result of recomputing the chain: intact, or the first entry that does not match. */
    public record Verification(boolean intact, long entries, String headHash, Long firstBrokenSeq, String problem) {}

    /**
     * Recomputes the whole chain, from the genesis hash up to the head as committed when the verification starts;
     * entries appended meanwhile are left for the next verification.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        return walk(0, GENESIS_HASH, head());
    }

    /**
     * Recomputes the entries after {@code verified} (a head that an earlier verification found intact) up to the
     * current head, linking the first of them to {@code verified.hash()}. First re-reads the stored hash of entry
     * {@code verified.seq()}: if it was rewritten since, the answer is broken at it. Counts every entry up to the
     * head, as {@link #verify()} does.
     */
    @Transactional(readOnly = true)
    public Verification verifySince(Head verified) {
        Head head = head();
        if (verified.seq() > 0) {
            Optional<Link> anchor = link(verified.seq());
            if (anchor.isEmpty()) {
                return new Verification(false, verified.seq() - 1, verified.hash(), verified.seq(),
                        "entry " + verified.seq() + " is missing");
            }
            if (!anchor.get().entryHash().equals(verified.hash())) {
                return new Verification(false, verified.seq() - 1, verified.hash(), verified.seq(),
                        "no longer has the hash verified earlier");
            }
        }
        if (head.seq() < verified.seq()) {
            return new Verification(false, head.seq(), head.hash(), head.seq() + 1,
                    "the head does not match the last entry");
        }
        return walk(verified.seq(), verified.hash(), head);
    }

    /** An entry of either kind as the walk sees it: its place, its link, its hash, and what is wrong in itself. */
    private record Walked(long seq, String prevHash, String entryHash, String problem) {}

    /**
     * Walks the entries after {@code afterSeq} (whose hash is {@code afterHash}) up to {@code head}: both tables
     * merged in seq order, one page of sequence numbers at a time, so memory stays bounded by the page.
     */
    private Verification walk(long afterSeq, String afterHash, Head head) {
        String previous = afterHash;
        long expected = afterSeq + 1;
        for (long from = afterSeq; from < head.seq(); from += page) {
            long to = Math.min(from + page, head.seq());
            List<Walked> legal = jdbc.sql("SELECT * FROM dd_ledger_entry WHERE seq > ? AND seq <= ? ORDER BY seq")
                    .params(from, to).query((rs, i) -> walked(map(rs))).list();
            List<Walked> moderation = jdbc.sql(
                            "SELECT * FROM dd_ledger_moderation_entry WHERE seq > ? AND seq <= ? ORDER BY seq")
                    .params(from, to).query((rs, i) -> walked(mapModeration(rs))).list();
            int l = 0;
            int m = 0;
            while (l < legal.size() || m < moderation.size()) {
                Walked next;
                if (m >= moderation.size() || (l < legal.size() && legal.get(l).seq() < moderation.get(m).seq())) {
                    next = legal.get(l++);
                } else if (l < legal.size() && legal.get(l).seq() == moderation.get(m).seq()) {
                    long twice = legal.get(l).seq();
                    return new Verification(false, expected - 1, previous, twice, "entry " + twice + " appears twice");
                } else {
                    next = moderation.get(m++);
                }
                if (next.seq() != expected) {
                    return new Verification(false, expected - 1, previous, expected, "entry " + expected + " is missing");
                }
                String problem = next.prevHash().equals(previous) ? next.problem() : "does not link to the entry before it";
                if (problem != null) {
                    return new Verification(false, expected, previous, expected, problem);
                }
                previous = next.entryHash();
                expected++;
            }
        }
        if (!head.hash().equals(previous)) {
            return new Verification(false, expected - 1, head.hash(), expected, "the head does not match the last entry");
        }
        return new Verification(true, expected - 1, head.hash(), null, null);
    }

    private static Walked walked(LedgerEntry entry) {
        return new Walked(entry.seq(), entry.prevHash(), entry.entryHash(), problemOf(entry));
    }

    private static Walked walked(ModerationLedgerEntry entry) {
        String problem;
        if (entry.formatVersion() != ModerationLedgerEntry.FORMAT_V3) {
            problem = "unknown format version " + entry.formatVersion();
        } else if (!entry.knownKind()) {
            problem = "unknown entry kind";
        } else if (!Sha256.hex(entry.canonical()).equals(entry.entryHash())) {
            problem = "content does not match its hash";
        } else {
            problem = null;
        }
        return new Walked(entry.seq(), entry.prevHash(), entry.entryHash(), problem);
    }

    /** What is wrong with a legal-order entry in itself (its place in the chain is checked by the walk). */
    private static String problemOf(LedgerEntry entry) {
        if (!entry.knownFormat()) {
            return "unknown format version " + entry.formatVersion();
        }
        LegalProcessClass expected;
        try {
            expected = LegalProcessClass.ofOrderType(entry.orderType());
        } catch (IllegalArgumentException e) {
            return "unknown order type";
        }
        if (entry.legalProcessClass() != expected) {
            return "legal-process class does not match its order type";
        }
        if (!hash(entry).equals(entry.entryHash())) {
            return "content does not match its hash";
        }
        return null;
    }

    static String hash(LedgerEntry entry) {
        return Sha256.hex(entry.canonical());
    }

    private static LedgerEntry map(ResultSet rs) throws SQLException {
        String orderType = rs.getString("order_type");
        return new LedgerEntry(rs.getLong("seq"), rs.getInt("format_version"), rs.getString("tracking_number"),
                instant(rs, "ended_at"), instant(rs, "period_from"), instant(rs, "period_to"),
                rs.getString("authority_country"), orderType, legalProcessClass(rs.getString("legal_process_class")),
                OrderOutcome.valueOf(rs.getString("outcome")), rs.getInt("users_affected"),
                rs.getInt("targets_specified"), rs.getBoolean("emergency"), rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    private static ModerationLedgerEntry mapModeration(ResultSet rs) throws SQLException {
        return new ModerationLedgerEntry(rs.getLong("seq"), rs.getInt("format_version"), rs.getString("entry_kind"),
                rs.getString("source_key"), rs.getString("case_number"), instant(rs, "decided_at"),
                instant(rs, "recorded_at"), rs.getString("category"), rs.getString("decision_kind"),
                rs.getString("decision"), rs.getString("ground"), rs.getBoolean("trusted_flagger"),
                rs.getString("country"), rs.getString("complaint_outcome"), rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    /** A stored class that is not one of ours reads as null, so verification reports it instead of failing. */
    private static LegalProcessClass legalProcessClass(String stored) {
        try {
            return LegalProcessClass.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The database keeps microseconds; the hash must cover exactly what is stored. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
