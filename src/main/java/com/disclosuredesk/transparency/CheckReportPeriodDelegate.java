package com.disclosuredesk.transparency;

import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_PERIOD_FROM;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_PERIOD_TO;
import static com.disclosuredesk.transparency.TransparencyReportProcess.VAR_REPORT_PERIOD;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_CheckPeriod (started by hand): {@code periodFrom} and {@code periodTo} as yyyy-MM-dd, a period
 * of at most five years that has ended (UTC). Otherwise the start fails and changes nothing: the engine REST API
 * answers 400 naming the variables.
 */
@Component
public class CheckReportPeriodDelegate implements JavaDelegate {

    private final Clock clock;

    public CheckReportPeriodDelegate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(text(execution.getVariable(VAR_PERIOD_FROM)), text(execution.getVariable(VAR_PERIOD_TO)),
                    VAR_PERIOD_FROM, VAR_PERIOD_TO);
        } catch (ReportRequestException e) {
            throw new InvalidReportPeriodException(e.problems().stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        if (period.end().isAfter(clock.instant())) {
            throw new InvalidReportPeriodException(VAR_PERIOD_TO
                    + " must be before today (UTC): only a period that has ended is frozen and published");
        }
        execution.setVariable(VAR_PERIOD_FROM, period.from().toString());
        execution.setVariable(VAR_PERIOD_TO, period.to().toString());
        execution.setVariable(VAR_REPORT_PERIOD, period.id());
        execution.setProcessBusinessKey(period.id());
    }

    /** A date variable as text: a string as given, a Date (engine REST "Date" type) as its UTC day. */
    private static String text(Object value) {
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString();
        }
        return value == null ? null : value.toString();
    }

    /** The requested period is not one a report can be frozen for. */
    public static class InvalidReportPeriodException extends BadUserRequestException {
        public InvalidReportPeriodException(String message) {
            super("Invalid report period: " + message);
        }
    }
}
