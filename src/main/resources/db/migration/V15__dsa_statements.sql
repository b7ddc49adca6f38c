-- Statements of reasons for the Commission's DSA Transparency Database (Art. 24(5); issue 17, docs/transparency.md):
-- one per decision and per reversal of content reports, in the Database's API format, validated against the project's
-- JSON Schema before it is queued here. No personal data. The sender (off by default) submits them in batches and
-- records what the Database answered. Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE cr_statement_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cr_statement (
    id               BIGINT        NOT NULL PRIMARY KEY,
    -- the platform's unique identifier of the statement (the Database's puid: at most 500 of [a-zA-Z0-9-_])
    puid             VARCHAR(500)  NOT NULL,
    case_number      VARCHAR(20)   NOT NULL,
    -- the decision (cr_decision) the statement is about: a review's decision or a reversal
    decision_id      BIGINT        NOT NULL,
    -- the statement as the Database's API takes it (JSON object)
    statement        VARCHAR(20000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- QUEUED (not yet stored by the Database), STORED (answered 201, or found by existing-puid), REJECTED (422: an
    -- incident, never dropped silently)
    state            VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    stored_at        TIMESTAMP WITH TIME ZONE,
    -- the Database's answer to the last attempt (status and a short reason; never personal data: there is none)
    last_answer      VARCHAR(2000),
    CONSTRAINT cr_statement_puid UNIQUE (puid),
    CONSTRAINT cr_statement_decision UNIQUE (decision_id),
    CONSTRAINT cr_statement_state CHECK (state IN ('QUEUED', 'STORED', 'REJECTED'))
);

CREATE INDEX cr_statement_queue ON cr_statement (state, next_attempt_at, id);
