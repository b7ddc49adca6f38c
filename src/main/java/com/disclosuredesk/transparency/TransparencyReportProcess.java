package com.disclosuredesk.transparency;

/** Names of the process transparency-report (processes/transparency-report.bpmn) that code and tests rely on. */
public final class TransparencyReportProcess {

    public static final String PROCESS_KEY = "transparency-report";

    public static final String START_QUARTER_BEGAN = "StartEvent_QuarterBegan";
    public static final String START_REPORT_REQUESTED = "StartEvent_ReportRequested";
    /** The message that starts the process by hand (with periodFrom and periodTo). */
    public static final String MESSAGE_REPORT_REQUESTED = "TransparencyReportRequested";

    public static final String TASK_DETERMINE_QUARTER = "Task_DetermineQuarter";
    public static final String TASK_CHECK_PERIOD = "Task_CheckPeriod";
    public static final String TASK_FREEZE_REPORT = "Task_FreezeReport";
    public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
    public static final String END_REPORT_PUBLISHED = "Event_ReportPublished";

    /** First day of the period, yyyy-MM-dd (UTC); given when started by hand, computed on the timer path. */
    public static final String VAR_PERIOD_FROM = "periodFrom";
    /** Last day of the period, yyyy-MM-dd (UTC), inclusive. */
    public static final String VAR_PERIOD_TO = "periodTo";
    /** The period's id, also the business key: 2026-Q4 or 2026-10-01_2026-11-15. */
    public static final String VAR_REPORT_PERIOD = "reportPeriod";
    public static final String VAR_LEDGER_HEAD_SEQ = "ledgerHeadSeq";
    public static final String VAR_LEDGER_HEAD_HASH = "ledgerHeadHash";
    public static final String VAR_REPORT_SHA256 = "reportSha256";
    public static final String VAR_REPORT_STATUS = "reportStatus";

    private TransparencyReportProcess() {}
}
