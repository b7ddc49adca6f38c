package com.disclosuredesk.transparency;

import java.time.Clock;

import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_PERIOD_FROM;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_PERIOD_TO;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_PERIOD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_DetermineQuarter (timer path): the quarter that ended before now, in UTC. */
@Component
public class DetermineQuarterDelegate implements JavaDelegate {

    private final Clock clock;

    public DetermineQuarterDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = ReportPeriod.quarterEndedBefore(clock.instant());
        execution.setVariable(VAR_PERIOD_FROM, period.from().toString());
        execution.setVariable(VAR_PERIOD_TO, period.to().toString());
        execution.setVariable(VAR_REPORT_PERIOD, period.id());
        execution.setProcessBusinessKey(period.id());
    }
}
