package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.MutableClock;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Entries written before the legal-process class existed (format 1) stay verifiable after V7, and the chain
 * continues from them with format 2 entries.
 */
class LedgerFormatMigrationTest {

    @Test
    void format1EntriesStayVerifiableAndTheChainContinuesInFormat2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dd-format-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        flyway(ds, MigrationVersion.fromVersion("6")).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // two entries as the code before V7 wrote them: hash over the format 1 canonical content
        String prev = TransparencyLedger.GENESIS_HASH;
        String[][] rows = {{"LO-2026-000001", "DE", "SEARCH_WARRANT", "FULFILLED", "2"},
                           {"LO-2026-000002", "FR", "EU_PRESERVATION_ORDER", "INVALID", "0"}};
        for (int n = 0; n < rows.length; n++) {
            Instant ended = Instant.parse("2026-03-0" + (n + 1) + "T10:15:30.250Z");
            Instant from = Instant.parse("2025-09-01T00:00:00Z");
            Instant to = Instant.parse("2025-11-01T00:00:00Z");
            String canonical = String.join("|", Integer.toString(n + 1), rows[n][0], ended.toString(), from.toString(),
                    to.toString(), rows[n][1], rows[n][2], rows[n][3], rows[n][4], "1", "false", prev);
            String hash = Sha256.hex(canonical);
            jdbc.update("""
                    INSERT INTO dd_ledger_entry (seq, tracking_number, ended_at, period_from, period_to, authority_country,
                        order_type, outcome, users_affected, targets_specified, emergency, prev_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, FALSE, ?, ?)""",
                    n + 1, rows[n][0], utc(ended), utc(from), utc(to), rows[n][1], rows[n][2], rows[n][3],
                    Integer.parseInt(rows[n][4]), prev, hash);
            jdbc.update("UPDATE dd_ledger_head SET last_seq = ?, last_hash = ? WHERE id = 1", n + 1, hash);
            prev = hash;
        }

        flyway(ds, MigrationVersion.LATEST).migrate();
        TransparencyLedger ledger = new TransparencyLedger(JdbcClient.create(ds), new MutableClock(Instant.parse("2026-04-01T09:00:00Z")));

        assertThat(ledger.verify().intact()).isTrue();
        LedgerEntry first = ledger.find("LO-2026-000001").orElseThrow();
        assertThat(first.formatVersion()).isEqualTo(LedgerEntry.FORMAT_V1);
        assertThat(first.legalProcessClass()).isEqualTo(LegalProcessClass.JUDICIAL_ORDER);
        assertThat(ledger.find("LO-2026-000002").orElseThrow().legalProcessClass()).isEqualTo(LegalProcessClass.PRESERVATION);

        LedgerEntry third = ledger.append(LedgerTestOrders.order("LO-2026-000003", "US", OrderType.SUBPOENA, false, 2),
                OrderOutcome.REJECTED, 0);
        assertThat(third.seq()).isEqualTo(3);
        assertThat(third.formatVersion()).isEqualTo(LedgerEntry.FORMAT_V2);
        assertThat(third.prevHash()).isEqualTo(prev);
        assertThat(ledger.verify().intact()).isTrue();
        assertThat(ledger.verify().entries()).isEqualTo(3);

        // V7 summed the format 1 entries into the monthly totals; appends keep them up to date
        TransparencyReportService reports = new TransparencyReportService(JdbcClient.create(ds), ledger, new MutableClock(Instant.parse("2026-04-01T09:00:00Z")));
        ReportPeriod year = ReportPeriod.parse("2026-01-01", "2026-12-31");
        TransparencyReport live = reports.compute(year);
        assertThat(live.totals().requests()).isEqualTo(3);
        assertThat(live.countries()).isEqualTo(reports.computeFromEntries(year, ledger.head()).countries());
        assertThat(jdbc.queryForObject("SELECT SUM(requests) FROM dd_ledger_month WHERE ended_month = 202603", Long.class))
                .isEqualTo(2);

        // the class of a format 1 entry is not in its hash, but it must agree with the order type
        jdbc.update("UPDATE dd_ledger_entry SET legal_process_class = 'SUBPOENA' WHERE seq = 1");
        assertThat(ledger.verify().firstBrokenSeq()).isEqualTo(1);
        assertThat(ledger.verify().problem()).contains("legal-process class");
    }

    private static Flyway flyway(JdbcDataSource ds, MigrationVersion target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("dd_schema_history")
                .target(target).load();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
