package com.disclosuredesk.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;


import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.process.OrderOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained transparency ledger. Each entry's hash covers its canonical content and the
 * previous entry's hash. Appends lock the single head row, so concurrent appends queue up and never fork the
 * chain. There is no update or delete path.
 */
@Repository
public class TransparencyLedger {

    public static final String GENESIS_HASH = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    public TransparencyLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last entry of the chain: its sequence number and hash (0 and the genesis hash when empty). */
    public record Head(long seq, String hash) {}

    /** Appends the entry of an ended order once; a retried append returns the entry stored the first time. */
    @Transactional
    public LedgerEntry append(LegalOrder order, OrderOutcome outcome, int usersAffected) {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM dd_ledger_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
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
        jdbc.sql("UPDATE dd_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(entry.seq(), entry.entryHash()).update();
        return entry;
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

    /** The head as last committed. Every entry up to its sequence number is committed with it. */
    public Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM dd_ledger_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** The hashes of one entry: what anyone may compare with a head hash published earlier. */
    public record Link(long seq, String prevHash, String entryHash) {}

    public Optional<Link> link(long seq) {
        return jdbc.sql("SELECT seq, prev_hash, entry_hash FROM dd_ledger_entry WHERE seq = ?")
                .param(seq).query((rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The result of recomputing the chain: intact, or the first entry that does not match. */
    public record Verification(boolean intact, long entries, String headHash, Long firstBrokenSeq, String problem) {}

    /**
     * Recomputes the chain up to the head as committed when the verification starts; entries appended meanwhile
     * are left for the next verification.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        Head head = head();
        String[] previous = {GENESIS_HASH};
        long[] count = {0};
        Verification[] broken = {null};
        jdbc.sql("SELECT * FROM dd_ledger_entry WHERE seq <= ? ORDER BY seq").param(head.seq()).query(rs -> {
            if (broken[0] != null) {
                return;
            }
            LedgerEntry entry = map(rs);
            count[0]++;
            String problem = problemOf(entry, count[0], previous[0]);
            if (problem != null) {
                broken[0] = new Verification(false, count[0], previous[0], entry.seq(), problem);
            }
            previous[0] = entry.entryHash();
        });
        if (broken[0] != null) {
            return broken[0];
        }
        if (!head.hash().equals(previous[0])) {
            return new Verification(false, count[0], head.hash(), count[0] + 1, "the head does not match the last entry");
        }
        return new Verification(true, count[0], head.hash(), null, null);
    }

    private static String problemOf(LedgerEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq() != expectedSeq) {
            return "entry " + expectedSeq + " is missing";
        }
        if (!entry.prevHash().equals(previousHash)) {
            return "does not link to the entry before it";
        }
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
