-- Disclosure records (what was handed over, with its digest) and the transparency ledger.

CREATE TABLE dd_disclosure (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    tracking_number     VARCHAR(20)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    categories          VARCHAR(200) NOT NULL,
    target_count        INTEGER      NOT NULL,
    targets_with_data   INTEGER      NOT NULL,
    ip_entry_count      INTEGER      NOT NULL,
    package_sha256      VARCHAR(64)  NOT NULL,
    package_content     BLOB,
    analysed_by         VARCHAR(100),
    approved_by         VARCHAR(100),
    CONSTRAINT dd_disclosure_order UNIQUE (tracking_number),
    CONSTRAINT dd_disclosure_order_fk FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

-- Append-only: the application has no update or delete path on this table.
CREATE TABLE dd_ledger_entry (
    seq                 BIGINT       NOT NULL PRIMARY KEY,
    tracking_number     VARCHAR(20)  NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    period_from         TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to           TIMESTAMP WITH TIME ZONE NOT NULL,
    authority_country   VARCHAR(2)   NOT NULL,
    order_type          VARCHAR(40)  NOT NULL,
    outcome             VARCHAR(20)  NOT NULL,
    users_affected      INTEGER      NOT NULL,
    targets_specified   INTEGER      NOT NULL,
    emergency           BOOLEAN      NOT NULL,
    prev_hash           VARCHAR(64)  NOT NULL,
    entry_hash          VARCHAR(64)  NOT NULL,
    CONSTRAINT dd_ledger_entry_order UNIQUE (tracking_number)
);

CREATE INDEX dd_ledger_entry_ended ON dd_ledger_entry (ended_at, authority_country);

-- One row, locked while an entry is appended, so concurrent appends never fork the chain.
CREATE TABLE dd_ledger_head (
    id          INTEGER     NOT NULL PRIMARY KEY,
    last_seq    BIGINT      NOT NULL,
    last_hash   VARCHAR(64) NOT NULL
);

INSERT INTO dd_ledger_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
