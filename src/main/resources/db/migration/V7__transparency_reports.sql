-- Transparency: the legal-process class in the ledger (format version 2), the index of the report query, and
-- the frozen, published reports of each period.

-- Entries keep the format they were written in: rows stored before this migration are format 1, whose hash does
-- not cover the legal-process class; new rows are written as format 2 (the application sets it explicitly).
ALTER TABLE dd_ledger_entry ADD COLUMN format_version INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE dd_ledger_entry ALTER COLUMN format_version DROP DEFAULT;

-- The class is a function of the order type (LegalProcessClass); verification checks that they agree,
-- which protects the column of format 1 rows too.
ALTER TABLE dd_ledger_entry ADD COLUMN legal_process_class VARCHAR(30);
UPDATE dd_ledger_entry SET legal_process_class = CASE order_type
        WHEN 'COURT_ORDER' THEN 'JUDICIAL_ORDER'
        WHEN 'SEARCH_WARRANT' THEN 'JUDICIAL_ORDER'
        WHEN 'SUBPOENA' THEN 'SUBPOENA'
        WHEN 'EMERGENCY_REQUEST' THEN 'EMERGENCY'
        WHEN 'EU_PRODUCTION_ORDER' THEN 'EU_PRODUCTION_ORDER'
        WHEN 'PRESERVATION_REQUEST' THEN 'PRESERVATION'
        WHEN 'EU_PRESERVATION_ORDER' THEN 'PRESERVATION'
    END;
ALTER TABLE dd_ledger_entry ALTER COLUMN legal_process_class SET NOT NULL;

-- The report aggregates entries over a range of ended_at: this index holds every column that aggregate reads.
DROP INDEX dd_ledger_entry_ended;
CREATE INDEX dd_ledger_entry_report ON dd_ledger_entry
    (ended_at, authority_country, order_type, emergency, outcome, users_affected, targets_specified, seq);

-- Running totals per calendar month (UTC) of ended_at, written by every append in the same transaction, under the
-- lock of the ledger head. The report reads whole months from here and the days of partial months from the
-- entries, in one aggregate query, so that a report over a million entries stays fast. Derived data: the frozen
-- report is computed from the entries and checked against these totals.
-- The key leads with the grouping columns (not the month), so that the database aggregates in key order.
CREATE TABLE dd_ledger_month (
    ended_month         INTEGER      NOT NULL,
    authority_country   VARCHAR(2)   NOT NULL,
    order_type          VARCHAR(40)  NOT NULL,
    emergency           BOOLEAN      NOT NULL,
    outcome             VARCHAR(20)  NOT NULL,
    requests            BIGINT       NOT NULL,
    users_affected      BIGINT       NOT NULL,
    targets_specified   BIGINT       NOT NULL,
    CONSTRAINT dd_ledger_month_pk PRIMARY KEY (authority_country, order_type, emergency, outcome, ended_month)
);

INSERT INTO dd_ledger_month (ended_month, authority_country, order_type, emergency, outcome, requests, users_affected,
        targets_specified)
SELECT ended_month, authority_country, order_type, emergency, outcome, COUNT(*), SUM(users_affected),
       SUM(targets_specified)
FROM (SELECT CAST(EXTRACT(YEAR FROM ended_at AT TIME ZONE 'UTC') * 100
                  + EXTRACT(MONTH FROM ended_at AT TIME ZONE 'UTC') AS INTEGER) AS ended_month,
             authority_country, order_type, emergency, outcome, users_affected, targets_specified
      FROM dd_ledger_entry) e
GROUP BY ended_month, authority_country, order_type, emergency, outcome;

-- The report of a period, frozen once (idempotent per period) with the ledger head it was computed from, then
-- published. period_id: "2026-Q4" for a calendar quarter, "2026-10-01_2026-11-15" for any other period.
CREATE TABLE dd_transparency_report (
    period_id           VARCHAR(30)     NOT NULL PRIMARY KEY,
    period_from         DATE            NOT NULL,
    period_to           DATE            NOT NULL,
    status              VARCHAR(20)     NOT NULL,
    ledger_head_seq     BIGINT          NOT NULL,
    ledger_head_hash    VARCHAR(64)     NOT NULL,
    computed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE,
    report_json         VARCHAR(1000000) NOT NULL,
    report_csv          VARCHAR(1000000) NOT NULL,
    report_sha256       VARCHAR(64)     NOT NULL,
    CONSTRAINT dd_transparency_report_period UNIQUE (period_from, period_to)
);

CREATE INDEX dd_transparency_report_status ON dd_transparency_report (status, period_from);
