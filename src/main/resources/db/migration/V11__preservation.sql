-- Preservation holds (PRESERVATION_REQUEST, EU_PRESERVATION_ORDER): the frozen, encrypted snapshot of the
-- targets' data, kept apart from normal retention (dd_disclosure and its expiry job never touch it) until the
-- hold ends; the record with its digest stays after the snapshot is deleted.
-- And the reference of a later production order to the preservation it builds on.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15 (BYTEA is BINARY VARYING in H2).

CREATE TABLE dd_preservation (
    tracking_number    VARCHAR(20)  NOT NULL PRIMARY KEY,
    order_type         VARCHAR(40)  NOT NULL,
    -- what was frozen: the preserved categories (within policy) and period of the order
    categories         VARCHAR(200) NOT NULL,
    period_from        TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to          TIMESTAMP WITH TIME ZONE NOT NULL,
    target_count       INTEGER      NOT NULL,
    accounts_found     INTEGER      NOT NULL,
    ip_entry_count     INTEGER      NOT NULL,
    -- SHA-256 (hex) of the plaintext snapshot; kept for good
    snapshot_sha256    VARCHAR(64)  NOT NULL,
    -- AES-256-GCM (PackageCipher, the tracking number as associated data); NULL once deleted
    snapshot_content   BYTEA,
    snapshot_key_id    VARCHAR(16)  NOT NULL,
    preserved_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    held_until         TIMESTAMP WITH TIME ZONE NOT NULL,
    extended           BOOLEAN      NOT NULL,
    extended_at        TIMESTAMP WITH TIME ZONE,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dd_preservation_order_fk FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE INDEX dd_preservation_held_until ON dd_preservation (held_until);

-- The tracking number of an earlier preservation order of the same intake account (production orders only).
ALTER TABLE dd_legal_order ADD COLUMN preservation_reference VARCHAR(20);

CREATE INDEX dd_legal_order_preservation_reference ON dd_legal_order (preservation_reference);
