-- Messages to the authority (one per change of status), and the authority each intake account speaks for.

CREATE SEQUENCE dd_outbox_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_outbox (
    id               BIGINT       NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)  NOT NULL,
    recipient        VARCHAR(100) NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    message          VARCHAR(4000) NOT NULL,
    CONSTRAINT dd_outbox_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE INDEX dd_outbox_recipient ON dd_outbox (recipient, id);
CREATE INDEX dd_outbox_order ON dd_outbox (tracking_number, id);

CREATE TABLE dd_intake_account (
    user_id            VARCHAR(100) NOT NULL PRIMARY KEY,
    authority_country  VARCHAR(2)   NOT NULL,
    description        VARCHAR(200),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What authorities write in their own words (clarifications, withdrawal reasons): shown to staff and to the
-- authority itself, never copied into the engine.
CREATE SEQUENCE dd_authority_note_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_authority_note (
    id               BIGINT        NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)   NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    author           VARCHAR(100)  NOT NULL,
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    text             VARCHAR(4000) NOT NULL,
    corrected_fields VARCHAR(1000),
    CONSTRAINT dd_authority_note_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE INDEX dd_authority_note_order ON dd_authority_note (tracking_number, id);
