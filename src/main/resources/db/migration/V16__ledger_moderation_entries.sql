-- One ledger (issue 17): moderation decisions (cr_decision REVIEW and REVERSAL) and complaint outcomes are appended
-- to the same hash chain as the legal orders: one sequence, one head (dd_ledger_head), one lock.
--
-- They live in a second table that shares the sequence, not in nullable columns of dd_ledger_entry: the legal-order
-- table, its NOT NULL columns, its report index and dd_ledger_month stay exactly as they are, so the report
-- queries and the stored hashes of existing ledgers are untouched. A seq is used by exactly one of the two tables:
-- both are written only under the lock of dd_ledger_head, which hands out the next seq. Verification reads both
-- tables merged in seq order and checks that the sequence has no gap and no duplicate.
--
-- No personal data: no notifier, name, email, explanation, evidence or complaint text; only the facts below.
-- Append-only: the application has no update or delete path on this table.
CREATE TABLE dd_ledger_moderation_entry (
    seq                 BIGINT       NOT NULL PRIMARY KEY,
    format_version      INTEGER      NOT NULL,
    -- MODERATION_DECISION or COMPLAINT_OUTCOME
    entry_kind          VARCHAR(30)  NOT NULL,
    -- the idempotency key: 'decision:<cr_decision.id>' or 'complaint:<cr_complaint.id>'; a retried step appends nothing
    source_key          VARCHAR(60)  NOT NULL,
    case_number         VARCHAR(20)  NOT NULL,
    -- when the decision was taken (cr_decision.decided_at) or the complaint decided (cr_complaint.decided_at)
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when the entry was appended
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the DSA category of the case (cr_case.category)
    category            VARCHAR(60)  NOT NULL,
    -- REVIEW or REVERSAL (cr_decision.kind); for a complaint outcome, of the decision complained about
    decision_kind       VARCHAR(10)  NOT NULL,
    -- REMOVE, RESTRICT or NO_ACTION
    decision            VARCHAR(20)  NOT NULL,
    -- ILLEGAL_CONTENT (law) or INCOMPATIBLE_CONTENT (terms of service); null for NO_ACTION (cr_decision.ground)
    ground              VARCHAR(30),
    trusted_flagger     BOOLEAN      NOT NULL,
    -- ISO 3166-1 alpha-2, or null when the notices named none
    country             VARCHAR(2),
    -- UPHELD or REVERSED for COMPLAINT_OUTCOME; null for MODERATION_DECISION
    complaint_outcome   VARCHAR(20),
    prev_hash           VARCHAR(64)  NOT NULL,
    entry_hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT dd_ledger_moderation_source UNIQUE (source_key)
);

CREATE INDEX dd_ledger_moderation_recorded ON dd_ledger_moderation_entry (recorded_at, entry_kind);
