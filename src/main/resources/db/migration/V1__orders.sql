-- Legal orders as received, with their targets and the timeline an authority sees.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE dd_tracking_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_legal_order (
    tracking_number        VARCHAR(20)  NOT NULL PRIMARY KEY,
    authority_key          VARCHAR(300) NOT NULL,
    reference              VARCHAR(100) NOT NULL,
    submitted_by           VARCHAR(100) NOT NULL,
    channel                VARCHAR(20)  NOT NULL,
    order_type             VARCHAR(40)  NOT NULL,
    authority_name         VARCHAR(200) NOT NULL,
    authority_country      VARCHAR(2)   NOT NULL,
    authority_email        VARCHAR(254),
    issuer_type            VARCHAR(40)  NOT NULL,
    issuer_name            VARCHAR(200) NOT NULL,
    issued_on              DATE         NOT NULL,
    valid_until            DATE,
    offence                VARCHAR(60)  NOT NULL,
    suspect_confirmed      BOOLEAN      NOT NULL,
    emergency              BOOLEAN      NOT NULL,
    emergency_facts        VARCHAR(4000),
    data_categories        VARCHAR(200) NOT NULL,
    period_from            TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to              TIMESTAMP WITH TIME ZONE NOT NULL,
    non_disclosure_until   DATE,
    document_sha256        VARCHAR(64),
    payload_sha256         VARCHAR(64)  NOT NULL,
    status                 VARCHAR(30)  NOT NULL,
    outcome                VARCHAR(30),
    status_reason          VARCHAR(4000),
    process_instance_id    VARCHAR(64),
    received_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dd_legal_order_authority_reference UNIQUE (authority_key, reference)
);

CREATE INDEX dd_legal_order_submitted_by ON dd_legal_order (submitted_by, received_at);
CREATE INDEX dd_legal_order_status ON dd_legal_order (status);

CREATE TABLE dd_order_target (
    tracking_number  VARCHAR(20)  NOT NULL,
    position         INTEGER      NOT NULL,
    target_type      VARCHAR(20)  NOT NULL,
    target_value     VARCHAR(100) NOT NULL,
    PRIMARY KEY (tracking_number, position),
    CONSTRAINT dd_order_target_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE SEQUENCE dd_order_event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_order_event (
    id               BIGINT       NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)  NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    step             VARCHAR(40)  NOT NULL,
    actor            VARCHAR(100),
    detail           VARCHAR(4000),
    CONSTRAINT dd_order_event_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE INDEX dd_order_event_order ON dd_order_event (tracking_number, occurred_at);
