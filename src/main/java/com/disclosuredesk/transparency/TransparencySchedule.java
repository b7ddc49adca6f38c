package com.disclosuredesk.transparency;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When the process transparency-report starts by itself: the cron expression of its timer start event
 * ({@code ${transparencySchedule.cron}}), from {@code disclosure-desk.transparency.report-cron}. The engine reads
 * cron expressions in the JVM's time zone; the default, noon on the first day of each quarter, is after the end
 * of the quarter in UTC for every zone from UTC-12 to UTC+12 (docs/transparency.md). Also which kind of period the
 * timer path freezes ({@link FrozenPeriod}).
 */
@Component("transparencySchedule")
@EnableConfigurationProperties(TransparencySchedule.Settings.class)
public class TransparencySchedule {

    /**
     * {@code disclosure-desk.transparency.report-cron} (application.yaml: noon on the first day of each quarter) and
     * {@code disclosure-desk.transparency.frozen-period} (MONTH or QUARTER, application.yaml: QUARTER): which period
     * the timer path freezes. MONTH needs a cron that fires every month (its month field {@code *}); otherwise
     * months would be skipped, so such a setting stops the start.
     */
    @ConfigurationProperties("disclosure-desk.transparency")
    public record Settings(String reportCron, FrozenPeriod frozenPeriod) {
        public Settings {
            if (reportCron == null || reportCron.isBlank()) {
                throw new IllegalArgumentException("disclosure-desk.transparency.report-cron is not set");
            }
            if (frozenPeriod == null) {
                throw new IllegalArgumentException("disclosure-desk.transparency.frozen-period is not set (MONTH or QUARTER)");
            }
            String[] fields = reportCron.strip().split("\\s+");
            if (frozenPeriod == FrozenPeriod.MONTH && (fields.length < 5 || !"*".equals(fields[4]))) {
                throw new IllegalArgumentException("disclosure-desk.transparency.frozen-period is MONTH but report-cron '"
                        + reportCron + "' does not fire every month (month field '*', e.g. \"0 0 12 1 * ?\")");
            }
        }
    }

    private final String cron;
    private final FrozenPeriod frozenPeriod;

    public TransparencySchedule(Settings settings) {
        this.cron = settings.reportCron();
        this.frozenPeriod = settings.frozenPeriod();
    }

    public String getCron() {
        return cron;
    }

    /** The kind of period the timer path freezes. */
    public FrozenPeriod getFrozenPeriod() {
        return frozenPeriod;
    }
}
