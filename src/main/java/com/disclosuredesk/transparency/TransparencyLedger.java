package com.disclosuredesk.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

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

    public TransparencyLedger(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** Appends the entry of an ended order once; a retried append returns the entry stored the first time. */
    @Transactional
    public LedgerEntry append(LegalOrder order, OrderOutcome outcome, int usersAffected) {
        Optional<LedgerEntry> earlier = find(order.trackingNumber());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM dd_ledger_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        LedgerEntry unsigned = new LedgerEntry(head.seq() + 1, order.trackingNumber(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), order.periodFrom(), order.periodTo(),
                order.authority().country(), order.orderType().name(), outcome, usersAffected, order.targets().size(),
                order.emergency(), head.hash(), null);
        LedgerEntry entry = withHash(unsigned, hash(unsigned));
        jdbc.sql("""
                INSERT INTO dd_ledger_entry (seq, tracking_number, ended_at, period_from, period_to, authority_country,
                    order_type, outcome, users_affected, targets_specified, emergency, prev_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(entry.seq(), entry.trackingNumber(), utc(entry.endedAt()), utc(entry.periodFrom()),
                        utc(entry.periodTo()), entry.authorityCountry(), entry.orderType(), entry.outcome().name(),
                        entry.usersAffected(), entry.targetsSpecified(), entry.emergency(), entry.prevHash(), entry.entryHash())
                .update();
        jdbc.sql("UPDATE dd_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(entry.seq(), entry.entryHash()).update();
        return entry;
    }

    public Optional<LedgerEntry> find(String trackingNumber) {
        return jdbc.sql("SELECT * FROM dd_ledger_entry WHERE tracking_number = ?")
                .param(trackingNumber).query((rs, i) -> map(rs)).optional();
    }

    /** The result of recomputing the chain: intact, or the first entry that does not match. */
    public record Verification(boolean intact, long entries, String headHash, Long firstBrokenSeq, String problem) {}

    @Transactional(readOnly = true)
    public Verification verify() {
        String[] previous = {GENESIS_HASH};
        long[] count = {0};
        Verification[] broken = {null};
        jdbc.sql("SELECT * FROM dd_ledger_entry ORDER BY seq").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            LedgerEntry entry = map(rs);
            count[0]++;
            if (entry.seq() != count[0]) {
                broken[0] = new Verification(false, count[0], previous[0], entry.seq(), "entry " + count[0] + " is missing");
            } else if (!entry.prevHash().equals(previous[0])) {
                broken[0] = new Verification(false, count[0], previous[0], entry.seq(), "does not link to the entry before it");
            } else if (!hash(entry).equals(entry.entryHash())) {
                broken[0] = new Verification(false, count[0], previous[0], entry.seq(), "content does not match its hash");
            }
            previous[0] = entry.entryHash();
        });
        if (broken[0] != null) {
            return broken[0];
        }
        String head = jdbc.sql("SELECT last_hash FROM dd_ledger_head WHERE id = 1").query(String.class).single();
        if (!head.equals(previous[0])) {
            return new Verification(false, count[0], head, count[0] + 1, "the head does not match the last entry");
        }
        return new Verification(true, count[0], head, null, null);
    }

    static String hash(LedgerEntry entry) {
        return Sha256.hex(entry.canonical());
    }

    private static LedgerEntry withHash(LedgerEntry e, String hash) {
        return new LedgerEntry(e.seq(), e.trackingNumber(), e.endedAt(), e.periodFrom(), e.periodTo(), e.authorityCountry(),
                e.orderType(), e.outcome(), e.usersAffected(), e.targetsSpecified(), e.emergency(), e.prevHash(), hash);
    }

    private static LedgerEntry map(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("seq"), rs.getString("tracking_number"), instant(rs, "ended_at"),
                instant(rs, "period_from"), instant(rs, "period_to"), rs.getString("authority_country"),
                rs.getString("order_type"), OrderOutcome.valueOf(rs.getString("outcome")), rs.getInt("users_affected"),
                rs.getInt("targets_specified"), rs.getBoolean("emergency"), rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
