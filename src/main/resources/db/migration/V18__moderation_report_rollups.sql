-- Issue 17: rollups of the moderation figures of the transparency report (transparency.ModerationRollup), so that
-- a report of any period reads a few thousand summed rows instead of a million decisions (docs/transparency.md,
-- "How the moderation figures are computed"; docs/performance.md, "Transparency report at 1M decisions").
-- Every figure belongs to one UTC day (the day of its event) and never changes once that day is over.
-- Portable SQL: H2 2.x and PostgreSQL 15 (DAY, MONTH and VALUE are keywords in H2: report_day, report_month, amount).

-- One row per day that is over, figure and breakdown: counts (figure 'notices', breakdown category|source ...) and
-- the histograms of the two waits (figure 'hist.decision_wait', breakdown the bucket index).
CREATE TABLE cr_report_day (
    report_day DATE        NOT NULL,
    figure     VARCHAR(40)  NOT NULL,
    breakdown  VARCHAR(200) NOT NULL,
    amount     BIGINT       NOT NULL,
    PRIMARY KEY (report_day, figure, breakdown)
);
-- the chart: a few figures (blocked, lifted) per day of a long period
CREATE INDEX cr_report_day_figure ON cr_report_day (figure, report_day, breakdown, amount);

-- The same per calendar month (yyyymm), written once every day of the month is rolled up: the sums of its day rows.
CREATE TABLE cr_report_month (
    report_month INTEGER    NOT NULL,
    figure     VARCHAR(40)  NOT NULL,
    breakdown  VARCHAR(200) NOT NULL,
    amount     BIGINT       NOT NULL,
    PRIMARY KEY (report_month, figure, breakdown)
);

-- Where the rollup stands: every day before rolled_up_until (exclusive) is in cr_report_day; NULL until the first
-- run. The rollup takes this row FOR UPDATE, so that two nodes never roll up the same days.
CREATE TABLE cr_report_rollup (
    id              INTEGER NOT NULL PRIMARY KEY,
    rolled_up_until DATE,
    updated_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cr_report_rollup_one CHECK (id = 1)
);
INSERT INTO cr_report_rollup (id, rolled_up_until, updated_at) VALUES (1, NULL, NULL);
