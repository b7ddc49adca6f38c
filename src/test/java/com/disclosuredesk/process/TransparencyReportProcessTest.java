package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.DisclosureDeskApplication;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.transparency.CheckReportPeriodDelegate;
import com.disclosuredesk.transparency.PublishedReports;
import com.disclosuredesk.transparency.TransparencyLedger;
import com.disclosuredesk.transparency.TransparencyReportProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives the real transparency-report BPMN with camunda-bpm-assert: the timer path (the quarter just ended, computed
 * from the engine's clock) and the start by hand, idempotent freezing, refused periods, a broken ledger. The library
 * computes a test class's coverage over the processes that class touched; {@link ProcessTestCoverage} asserts 100%,
 * here that of transparency-report (report under target/process-test-coverage/). The legal-order stage tests run in a
 * context of their own (they check their coverage together, see LegalOrderProcessTestSupport).
 */
@SpringBootTest(classes = {DisclosureDeskApplication.class, ProcessTestCoverage.class},
        properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, ProcessTestCoverage.class})
class TransparencyReportProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TransparencyLedger ledger;
    @Autowired PublishedReports reports;
    @Autowired JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Job quarterlyTimer() {
        return management.createJobQuery().processDefinitionKey(TransparencyReportProcess.PROCESS_KEY).timers().singleResult();
    }

    @Test
    void timerAtTheStartOfAQuarterFreezesAndPublishesTheQuarterJustEnded() throws Exception {
        Job timer = quarterlyTimer();
        assertThat(timer).as("the timer start event waits for the next quarter").isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(due.getHour()).isEqualTo(12);

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-01T00:00:05Z")));
        management.executeJob(timer.getId());

        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(TransparencyReportProcess.PROCESS_KEY)
                .processInstanceBusinessKey("2026-Q4").singleResult();
        assertThat(pi).isNotNull().isWaitingAt(TransparencyReportProcess.TASK_FREEZE_REPORT)
                .hasPassedInOrder(TransparencyReportProcess.START_QUARTER_BEGAN, TransparencyReportProcess.TASK_DETERMINE_QUARTER,
                        "Gateway_PeriodKnown");
        assertThat(pi).variables().containsEntry("periodFrom", "2026-10-01").containsEntry("periodTo", "2026-12-31")
                .containsEntry("reportPeriod", "2026-Q4");
        Job next = quarterlyTimer();
        assertThat(next.getId()).isNotEqualTo(timer.getId());
        assertThat(next.getDuedate()).isAfter(Date.from(Instant.parse("2027-01-01T00:00:05Z")));

        TransparencyLedger.Head head = ledger.head();
        execute(job(pi));

        assertThat(pi).isEnded().hasPassedInOrder(TransparencyReportProcess.TASK_FREEZE_REPORT,
                TransparencyReportProcess.TASK_PUBLISH_REPORT, TransparencyReportProcess.END_REPORT_PUBLISHED);
        assertThat(pi).variables().containsEntry("reportStatus", "PUBLISHED").containsEntry("ledgerHeadSeq", head.seq())
                .containsEntry("ledgerHeadHash", head.hash()).containsKey("reportSha256");
        PublishedReports.Stored stored = reports.findPublished("2026-Q4").orElseThrow();
        assertThat(stored.summary().from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(stored.summary().to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(stored.summary().ledgerHeadSeq()).isEqualTo(head.seq());
        assertThat(stored.summary().ledgerHeadHash()).isEqualTo(head.hash());
        assertThat(stored.summary().publishedAt()).isNotNull();
        JsonNode report = json.readTree(stored.json());
        assertThat(report.at("/period/id").asText()).isEqualTo("2026-Q4");
        assertThat(report.at("/ledger/headHash").asText()).isEqualTo(head.hash());
        assertThat(stored.csv()).startsWith("Country,Country code,Requests,");
        assertThat(com.disclosuredesk.common.Sha256.hex(stored.json())).isEqualTo(stored.summary().sha256());
    }

    @Test
    void startedByHandForAPeriodThatHasEnded() {
        ProcessInstance pi = runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodFrom", "2026-01-01", "periodTo", "2026-02-15"));

        assertThat(pi).isWaitingAt(TransparencyReportProcess.TASK_FREEZE_REPORT)
                .hasPassedInOrder(TransparencyReportProcess.START_REPORT_REQUESTED, TransparencyReportProcess.TASK_CHECK_PERIOD,
                        "Gateway_PeriodKnown")
                .hasNotPassed(TransparencyReportProcess.TASK_DETERMINE_QUARTER);
        assertThat(pi.getBusinessKey()).isEqualTo("2026-01-01_2026-02-15");
        assertThat(reports.find("2026-01-01_2026-02-15")).as("nothing frozen before the job runs").isEmpty();
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed(TransparencyReportProcess.END_REPORT_PUBLISHED);
        assertThat(reports.findPublished("2026-01-01_2026-02-15")).isPresent();
        assertThat(reports.published()).extracting(PublishedReports.Summary::period).contains("2026-01-01_2026-02-15");
    }

    @Test
    void aPeriodIsFrozenOnceAndAStartForTheSamePeriodKeepsThatReport() {
        ProcessInstance first = runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodFrom", "2025-04-01", "periodTo", "2025-06-30"));
        assertThat(first.getBusinessKey()).isEqualTo("2025-Q2");
        execute(job(first));
        PublishedReports.Summary published = reports.findPublished("2025-Q2").orElseThrow().summary();

        appendAnEntry("LO-2026-990001");
        ProcessInstance again = runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodFrom", "2025-04-01", "periodTo", "2025-06-30"));
        execute(job(again));

        assertThat(again).isEnded().variables().containsEntry("reportStatus", "PUBLISHED")
                .containsEntry("ledgerHeadSeq", published.ledgerHeadSeq()).containsEntry("reportSha256", published.sha256());
        assertThat(reports.findPublished("2025-Q2").orElseThrow().summary()).isEqualTo(published);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dd_transparency_report WHERE period_from = DATE '2025-04-01'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void aPeriodThatIsMissingReversedOrNotOverIsRefusedAndNothingStarts() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(TransparencyReportProcess.PROCESS_KEY).count();

        assertThatThrownBy(() -> runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodTo", "2026-02-15")))
                .isInstanceOf(CheckReportPeriodDelegate.InvalidReportPeriodException.class)
                .hasMessageContaining("periodFrom is required");
        assertThatThrownBy(() -> runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodFrom", "2026-02-15", "periodTo", "2026-01-01")))
                .hasMessageContaining("periodTo must not be before periodFrom");
        assertThatThrownBy(() -> runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodFrom", "15.01.2026", "periodTo", "2026-01-31")))
                .hasMessageContaining("periodFrom must be a date yyyy-MM-dd");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-31T23:59:59Z")));
        assertThatThrownBy(() -> runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                Map.of("periodFrom", "2026-01-01", "periodTo", "2026-03-31")))
                .hasMessageContaining("periodTo must be before today (UTC)");

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TransparencyReportProcess.PROCESS_KEY).count())
                .isEqualTo(before);
        assertThat(reports.find("2026-Q1")).isEmpty();
    }

    @Test
    void aLedgerThatDoesNotVerifyIsNotReportedOnButBecomesAnIncident() {
        long seq = appendAnEntry("LO-2026-990002");
        int original = jdbc.queryForObject("SELECT users_affected FROM dd_ledger_entry WHERE seq = ?", Integer.class, seq);
        jdbc.update("UPDATE dd_ledger_entry SET users_affected = ? WHERE seq = ?", original + 1, seq);
        try {
            ProcessInstance pi = runtime.startProcessInstanceByMessage(TransparencyReportProcess.MESSAGE_REPORT_REQUESTED,
                    Map.of("periodFrom", "2025-07-01", "periodTo", "2025-07-31"));
            Job freeze = job(pi);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(freeze.getId()))
                        .hasMessageContaining("does not verify").hasMessageContaining("first broken entry " + seq);
            }
            assertThat(management.createJobQuery().jobId(freeze.getId()).singleResult().getRetries()).isZero();
            assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
            assertThat(reports.find("2025-07-01_2025-07-31")).isEmpty();

            // repaired, the administrator retries the job (Cockpit): the report is frozen and published
            jdbc.update("UPDATE dd_ledger_entry SET users_affected = ? WHERE seq = ?", original, seq);
            management.setJobRetries(freeze.getId(), 1);
            execute(management.createJobQuery().jobId(freeze.getId()).singleResult());
            assertThat(pi).isEnded();
            assertThat(reports.findPublished("2025-07-01_2025-07-31")).isPresent();
        } finally {
            jdbc.update("UPDATE dd_ledger_entry SET users_affected = ? WHERE seq = ?", original, seq);
        }
        assertThat(ledger.verify().intact()).isTrue();
    }

    /** An entry of an order that ended now (the ledger keeps no link to the order table). */
    private long appendAnEntry(String trackingNumber) {
        LegalOrder order = new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-de", LegalOrder.Channel.API,
                OrderType.COURT_ORDER, new LegalOrder.Authority("Staatsanwaltschaft Berlin", "DE", "cybercrime@sta.berlin.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Amtsgericht Tiergarten"), LocalDate.of(2026, 1, 20),
                LocalDate.of(2027, 2, 20), Offence.FRAUD, true, false, null, List.of(new Target(TargetType.ACCOUNT_ID, "100001")),
                Set.of(DataCategory.IP_ADDRESS), Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z"),
                null, null, OrderStatus.DISCLOSED, Instant.parse("2026-01-21T08:00:00Z"));
        return ledger.append(order, com.disclosuredesk.process.OrderOutcome.FULFILLED, 1).seq();
    }
}
