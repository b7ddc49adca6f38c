package com.disclosuredesk.transparency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the process transparency-report starts by itself: the cron expression of its timer start event
 * ({@code ${transparencySchedule.cron}}), from {@code disclosure-desk.transparency.report-cron}. The engine reads
 * cron expressions in the JVM's time zone; the default, noon on the first day of each quarter, is after the end
 * of the quarter in UTC for every zone from UTC-12 to UTC+12 (docs/transparency.md).
 */
@Component("transparencySchedule")
public class TransparencySchedule {

    public static final String DEFAULT_CRON = "0 0 12 1 1,4,7,10 ?";

    private final String cron;

    public TransparencySchedule(@Value("${disclosure-desk.transparency.report-cron:" + DEFAULT_CRON + "}") String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
