package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The CSV form of the report: header names, one row per country and a total, RFC 4180 quoting, UTF-8. */
class ReportCsvTest {

    @Test
    void headerNamesTheColumnsLikeLargePlatformsDo() {
        assertThat(ReportCsv.header()).startsWith("Country", "Country code", "Requests", "Accounts specified",
                "Requests fulfilled", "Users affected", "Percentage of requests where some data produced",
                "Requests with no data found", "Requests rejected", "Requests refused as invalid", "Requests withdrawn",
                "Requests refused as unverified", "Preservations", "Court order requests", "Court order requests fulfilled", "Search warrant requests",
                "Search warrant requests fulfilled", "Subpoena requests", "Subpoena requests fulfilled",
                "Emergency request requests", "Emergency request requests fulfilled", "Preservation request requests",
                "Preservation request requests fulfilled", "EU production order requests",
                "EU production order requests fulfilled", "EU preservation order requests",
                "EU preservation order requests fulfilled")
                .endsWith("Emergency requests", "Emergency requests fulfilled")
                .hasSize(13 + 2 * OrderType.values().length + 2);
    }

    @Test
    void rowsPerCountryAndTotalWithCrlf() {
        DataSource ds = MigratedDatabase.newDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
        TransparencyLedger ledger = new TransparencyLedger(JdbcClient.create(ds), clock);
        ledger.append(LedgerTestOrders.order("LO-2026-000001", "DE", OrderType.COURT_ORDER, false, 3), OrderOutcome.FULFILLED, 2);
        ledger.append(LedgerTestOrders.order("LO-2026-000002", "DE", OrderType.COURT_ORDER, false, 1), OrderOutcome.NO_DATA, 0);
        ledger.append(LedgerTestOrders.order("LO-2026-000003", "DE", OrderType.EMERGENCY_REQUEST, true, 1), OrderOutcome.FULFILLED, 1);
        ledger.append(LedgerTestOrders.order("LO-2026-000004", "CI", OrderType.SUBPOENA, false, 2), OrderOutcome.REJECTED, 0);
        TransparencyReport report = new TransparencyReportService(JdbcClient.create(ds), ledger, clock).compute(ReportPeriod.quarter(2026, 4));

        String csv = ReportCsv.write(report);

        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines).hasSizeGreaterThan(6);
        assertThat(lines.get(4)).as("an empty line before the moderation table").isEmpty();
        assertThat(lines.get(5)).isEqualTo("Moderation figure,Breakdown,Value");
        assertThat(lines.get(0)).startsWith("Country,Country code,Requests,Accounts specified,Requests fulfilled,"
                + "Users affected,Percentage of requests where some data produced,");
        assertThat(lines.get(1)).isEqualTo("Côte d’Ivoire,CI,1,2,0,0,0.0,0,1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0");
        assertThat(lines.get(2)).isEqualTo("Germany,DE,3,5,2,3,66.7,1,0,0,0,0,0,2,1,0,0,0,0,1,1,0,0,0,0,0,0,1,1");
        assertThat(lines.get(3)).isEqualTo("Total,,4,7,2,3,50.0,1,1,0,0,0,0,2,1,0,0,1,0,1,1,0,0,0,0,0,0,1,1");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)).as("UTF-8, no BOM").startsWith((byte) 'C');
    }

    @Test
    void emptyPeriodHasHeaderAndATotalWithoutPercentage() {
        TransparencyReport report = new TransparencyReport(
                new TransparencyReport.Period("2025-Q1", java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 3, 31), "UTC"),
                Instant.EPOCH, new TransparencyReport.Ledger(0, TransparencyLedger.GENESIS_HASH),
                new TransparencyReport.Row(null, null, 0, 0, 0, 0, null, java.util.Map.of(), java.util.Map.of(),
                        java.util.Map.of(), new TransparencyReport.Split(0, 0), null), List.of(), null);

        List<String> lines = List.of(ReportCsv.write(report).split("\r\n"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("Total,,0,0,0,0,,0,0,0,0,0,0");
    }

    @Test
    void fieldsAreQuotedAsRfc4180Requires() {
        assertThat(ReportCsv.field("Germany")).isEqualTo("Germany");
        assertThat(ReportCsv.field("Korea, Republic of")).isEqualTo("\"Korea, Republic of\"");
        assertThat(ReportCsv.field("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(ReportCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(ReportCsv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(ReportCsv.field("")).isEmpty();
        assertThat(ReportCsv.field(null)).isEmpty();
    }

    @Test
    void orderTypeLabels() {
        assertThat(ReportCsv.label(OrderType.COURT_ORDER)).isEqualTo("Court order");
        assertThat(ReportCsv.label(OrderType.EU_PRODUCTION_ORDER)).isEqualTo("EU production order");
        assertThat(ReportCsv.label(OrderType.EMERGENCY_REQUEST)).isEqualTo("Emergency request");
    }

    @Test
    void formatFromParameterOrAcceptHeader() {
        assertThat(ReportFormat.choose(null, null)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, "*/*")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, "text/csv")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.choose(null, "text/csv;charset=UTF-8, */*;q=0.1")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.choose(null, "application/json, text/csv;q=0.5")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, "text/html,application/xhtml+xml,*/*;q=0.8")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, "not a media type")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose("csv", "application/json")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.choose("JSON", "text/csv")).isEqualTo(ReportFormat.JSON);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFormat.choose("xml", null))
                .isInstanceOf(ReportRequestException.class).hasMessageContaining("format");
    }

    @Test
    void moderationFiguresFollowAsASecondTable() {
        DataSource ds = MigratedDatabase.newDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2027-01-05T10:00:00Z"));
        ModerationFiguresServiceTest.seed(JdbcClient.create(ds));
        TransparencyReport report = new TransparencyReportService(JdbcClient.create(ds),
                new TransparencyLedger(JdbcClient.create(ds), clock), clock).compute(ReportPeriod.quarter(2026, 4));

        List<String> lines = List.of(ReportCsv.write(report).split("\r\n"));
        // the live report's medians come from histograms (within 1%; exact: ModerationFiguresServiceTest)
        assertThat(report.moderation().actions().medianTimeToDecisionSeconds())
                .isCloseTo(7200L, org.assertj.core.api.Assertions.withinPercentage(1));
        assertThat(report.moderation().complaints().medianTimeToDecisionSeconds())
                .isCloseTo(1_360_800L, org.assertj.core.api.Assertions.withinPercentage(1));

        assertThat(lines.get(1)).startsWith("Total,,0,");
        assertThat(lines.get(2)).isEmpty();
        assertThat(lines.subList(3, lines.size())).startsWith("Moderation figure,Breakdown,Value",
                        "Number of notices submitted in accordance with Article 16,Total,5",
                        "Number of notices by source,SOURCE_ARTICLE_16,3",
                        "Number of notices by source,SOURCE_TRUSTED_FLAGGER,2",
                        "Number of notices submitted by trusted flaggers,Total,2")
                .contains("Number of decisions by type of restriction,REMOVE,2",
                        "Number of decisions by type of restriction,RESTRICT,1",
                        "Number of decisions by type of restriction,NO_ACTION,1",
                        "Number of actions taken by ground,ILLEGAL_CONTENT,1",
                        "Number of actions taken by ground,INCOMPATIBLE_CONTENT,2",
                        "Median time to take action on notices (seconds),Total,"
                                + report.moderation().actions().medianTimeToDecisionSeconds(),
                        "Number of decisions reversed,Total,1",
                        "Number of complaints received,Total,3",
                        "Number of complaints decided,REVERSED,1",
                        "Median time to decide complaints (seconds),Total,"
                                + report.moderation().complaints().medianTimeToDecisionSeconds(),
                        "Number of suspensions under Article 23,NOTIFIER,1",
                        "Number of suspensions under Article 23,ACCOUNT,1",
                        "Number of referrals to authorities,DE,2",
                        "Subjects blocked,2026-10-01,1",
                        "Blocks lifted on complaint,2026-11-12,1")
                .allMatch(line -> line.split(",", -1).length == 3);
    }
}
