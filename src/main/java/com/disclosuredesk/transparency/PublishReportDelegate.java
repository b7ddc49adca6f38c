package com.disclosuredesk.transparency;

import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_PERIOD;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_PublishReport: the frozen report becomes public (GET /api/transparency/reports). */
@Component
public class PublishReportDelegate implements JavaDelegate {

    private final PublishedReports reports;

    public PublishReportDelegate(PublishedReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublishedReports.Summary published = reports.publish((String) execution.getVariable(VAR_REPORT_PERIOD));
        execution.setVariable(VAR_REPORT_STATUS, published.status().name());
    }
}
