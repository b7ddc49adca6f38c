package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.ApplicationJson;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A frozen report holds both parts, the legal orders and the moderation figures of the period, with the ledger head;
 * for a month (frozen-period MONTH) as for a quarter (QUARTER). The timer path's delegate picks the period the setting
 * names.
 */
class ModerationReportFreezeTest {

    private final ObjectMapper json = ApplicationJson.mapper();
    private MutableClock clock;
    private JdbcClient jdbc;
    private TransparencyLedger ledger;
    private PublishedReports reports;

    @BeforeEach
    void ledgerAndModerationRows() {
        DataSource ds = MigratedDatabase.newDatabase();
        jdbc = JdbcClient.create(ds);
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        ledger = new TransparencyLedger(jdbc, clock);
        ledger.append(LedgerTestOrders.order("LO-2026-000001", "DE", OrderType.COURT_ORDER, false, 2), OrderOutcome.FULFILLED, 2);
        ModerationFiguresServiceTest.seed(jdbc);
        clock.set(Instant.parse("2027-01-05T12:00:00Z"));
        reports = new PublishedReports(jdbc, ledger, new TransparencyReportService(jdbc, ledger, clock), json, clock);
    }

    @Test
    void aMonthIsFrozenWithBothPartsAndTheLedgerHead() throws Exception {
        TransparencyLedger.Head head = ledger.head();

        PublishedReports.Summary frozen = reports.freeze(ReportPeriod.ofId("2026-11"));

        assertThat(frozen.period()).isEqualTo("2026-11");
        assertThat(frozen.ledgerHeadSeq()).isEqualTo(head.seq());
        assertThat(frozen.ledgerHeadHash()).isEqualTo(head.hash());
        PublishedReports.Stored stored = reports.find("2026-11-01_2026-11-30").orElseThrow();
        JsonNode report = json.readTree(stored.json());
        assertThat(report.at("/period/id").asText()).isEqualTo("2026-11");
        assertThat(report.at("/ledger/headHash").asText()).isEqualTo(head.hash());
        assertThat(report.at("/totals/requests").asLong()).isEqualTo(1);
        assertThat(report.at("/moderation/notices/total").asLong()).isEqualTo(1);
        assertThat(report.at("/moderation/actions/byType/RESTRICT").asLong()).isEqualTo(1);
        assertThat(report.at("/moderation/actions/medianTimeToDecisionSeconds").asLong()).isEqualTo(3600);
        assertThat(report.at("/moderation/complaints/reversed").asLong()).isEqualTo(1);
        assertThat(report.at("/moderation/suspensions/accounts").asLong()).isEqualTo(1);
        assertThat(report.at("/moderation/blockedPerDay")).hasSize(30);
        assertThat(report.at("/moderation/blockedPerDay/9/day").asText()).isEqualTo("2026-11-10");
        assertThat(report.at("/moderation/blockedPerDay/9/blocked").asLong()).isEqualTo(1);
        assertThat(stored.csv()).contains("\r\n\r\nModeration figure,Breakdown,Value\r\n")
                .contains("Number of decisions by type of restriction,RESTRICT,1");

        // a notice added later to the month changes nothing frozen
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key,
                    category, anonymous, explanation_sealed, submission_sha256, received_at, disposition)
                VALUES (999, 'gw', 'late', 'SOURCE_ARTICLE_16', 'CR-B', 'CHANNEL', 'CHANNEL:CR-B', 'X', FALSE, ?, 'x', ?, 'JOINED')
                """).params(new byte[] {1}, OffsetDateTime.of(2026, 11, 15, 0, 0, 0, 0, ZoneOffset.UTC)).update();
        assertThat(reports.freeze(ReportPeriod.month(2026, 11)).sha256()).isEqualTo(frozen.sha256());
        assertThat(new TransparencyReportService(jdbc, ledger, clock).compute(ReportPeriod.month(2026, 11))
                .moderation().notices().total()).as("the live report counts it").isEqualTo(2);
    }

    @Test
    void aQuarterIsFrozenWithBothParts() throws Exception {
        PublishedReports.Summary frozen = reports.freeze(ReportPeriod.quarter(2026, 4));

        JsonNode report = json.readTree(reports.find("2026-Q4").orElseThrow().json());
        assertThat(frozen.period()).isEqualTo("2026-Q4");
        assertThat(report.at("/totals/requests").asLong()).isEqualTo(1);
        assertThat(report.at("/moderation/notices/total").asLong()).isEqualTo(5);
        assertThat(report.at("/moderation/notices/byTrustedFlaggers").asLong()).isEqualTo(2);
        assertThat(report.at("/moderation/actions/byGround/INCOMPATIBLE_CONTENT").asLong()).isEqualTo(2);
        assertThat(report.at("/moderation/referrals/byCountry/DE").asLong()).isEqualTo(2);
        assertThat(report.at("/moderation/blockedPerDay")).hasSize(92);
    }

    @Test
    void theTimerPathFreezesTheKindOfPeriodTheSettingNames() {
        Instant firstOfJanuary = Instant.parse("2027-01-01T12:00:00Z");
        DelegateExecution monthly = mock(DelegateExecution.class);
        new DeterminePeriodDelegate(new MutableClock(firstOfJanuary),
                new TransparencySchedule(new TransparencySchedule.Settings("0 0 12 1 * ?", FrozenPeriod.MONTH))).execute(monthly);
        verify(monthly).setVariable(TransparencyReportProcess.VAR_PERIOD_FROM, "2026-12-01");
        verify(monthly).setVariable(TransparencyReportProcess.VAR_PERIOD_TO, "2026-12-31");
        verify(monthly).setVariable(TransparencyReportProcess.VAR_REPORT_PERIOD, "2026-12");
        verify(monthly).setProcessBusinessKey("2026-12");

        DelegateExecution quarterly = mock(DelegateExecution.class);
        new DeterminePeriodDelegate(new MutableClock(firstOfJanuary),
                new TransparencySchedule(new TransparencySchedule.Settings("0 0 12 1 1,4,7,10 ?", FrozenPeriod.QUARTER)))
                .execute(quarterly);
        verify(quarterly).setVariable(TransparencyReportProcess.VAR_PERIOD_FROM, "2026-10-01");
        verify(quarterly).setVariable(TransparencyReportProcess.VAR_REPORT_PERIOD, "2026-Q4");
        verify(quarterly).setProcessBusinessKey("2026-Q4");
    }
}
