package com.disclosuredesk.transparency;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When the process transparency-report starts by itself: the cron expression of its timer start event
 * ({@code ${transparencySchedule.cron}}), from {@code disclosure-desk.transparency.report-cron}. The engine reads
 * cron expressions in the JVM's time zone; the default, noon on the first day of each quarter, is after the end
 * of the quarter in UTC for every zone from UTC-12 to UTC+12 (docs/transparency.md).
 */
@Component("transparencySchedule")
@EnableConfigurationProperties(TransparencySchedule.Settings.class)
public class TransparencySchedule {

    /** {@code disclosure-desk.transparency.report-cron} (application.yaml: noon on the first day of each quarter) */
    @ConfigurationProperties("disclosure-desk.transparency")
    public record Settings(String reportCron) {
        public Settings {
            if (reportCron == null || reportCron.isBlank()) {
                throw new IllegalArgumentException("disclosure-desk.transparency.report-cron is not set");
            }
        }
    }

    private final String cron;

    public TransparencySchedule(Settings settings) {
        this.cron = settings.reportCron();
    }

    public String getCron() {
        return cron;
    }
}
