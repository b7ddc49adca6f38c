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

-- The report is one aggregate query over a range of ended_at: this index holds every column it reads, so the
-- database answers it from the index alone.
DROP INDEX dd_ledger_entry_ended;
CREATE INDEX dd_ledger_entry_report ON dd_ledger_entry
    (ended_at, authority_country, order_type, emergency, outcome, users_affected, targets_specified, seq);

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
