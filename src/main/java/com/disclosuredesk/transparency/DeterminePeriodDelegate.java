package com.disclosuredesk.transparency;

import java.time.Clock;

import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_PERIOD_FROM;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_PERIOD_TO;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_PERIOD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_DetermineQuarter (timer path; the id is kept from before months could be frozen): the period
 * that ended before now, in UTC, of the kind {@code disclosure-desk.transparency.frozen-period} names — the month
 * ({@code 2026-11}) or the quarter ({@code 2026-Q4}) just ended.
 */
@Component
public class DeterminePeriodDelegate implements JavaDelegate {

    private final Clock clock;
    private final TransparencySchedule schedule;

    public DeterminePeriodDelegate(Clock clock, TransparencySchedule schedule) {
        this.clock = clock;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = schedule.getFrozenPeriod().endedBefore(clock.instant());
        execution.setVariable(VAR_PERIOD_FROM, period.from().toString());
        execution.setVariable(VAR_PERIOD_TO, period.to().toString());
        execution.setVariable(VAR_REPORT_PERIOD, period.id());
        execution.setProcessBusinessKey(period.id());
    }
}
