package com.disclosuredesk.transparency;

import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_LEDGER_HEAD_HASH;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_LEDGER_HEAD_SEQ;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_PERIOD;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_SHA256;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_FreezeReport (asynchronous, retried): verifies the ledger and stores the report of the period
 * with the head it was computed from, once per period. A ledger that does not verify fails the job: an incident.
 */
@Component
public class FreezeReportDelegate implements JavaDelegate {

    private final PublishedReports reports;

    public FreezeReportDelegate(PublishedReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublishedReports.Summary frozen = reports.freeze(ReportPeriod.ofId((String) execution.getVariable(VAR_REPORT_PERIOD)));
        execution.setVariable(VAR_LEDGER_HEAD_SEQ, frozen.ledgerHeadSeq());
        execution.setVariable(VAR_LEDGER_HEAD_HASH, frozen.ledgerHeadHash());
        execution.setVariable(VAR_REPORT_SHA256, frozen.sha256());
        execution.setVariable(VAR_REPORT_STATUS, frozen.status().name());
    }
}
