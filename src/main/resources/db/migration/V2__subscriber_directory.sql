-- Subscriber directory: the data the platform holds about its users (embedded default).
-- In production the platform's own system is reached through SubscriberDirectory instead;
-- these tables are then unused. Portable SQL: runs on H2 2.x and PostgreSQL 15.
-- Ids are explicit (no sequences or identity columns). Timestamps are instants (UTC).

CREATE TABLE sub_account (
    id          BIGINT                   NOT NULL,
    -- canonical form: leading '@', lower case
    username    VARCHAR(64)              NOT NULL,
    -- E.164: '+' and at most 15 digits
    phone_e164  VARCHAR(16),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sub_account PRIMARY KEY (id),
    CONSTRAINT uq_sub_account_username UNIQUE (username)
);

CREATE INDEX ix_sub_account_phone ON sub_account (phone_e164);

CREATE TABLE sub_ip_log (
    id          BIGINT                   NOT NULL,
    account_id  BIGINT                   NOT NULL,
    -- IPv4 dotted quad or IPv6 text form (at most 45 characters)
    ip_address  VARCHAR(45)              NOT NULL,
    port        INT,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sub_ip_log PRIMARY KEY (id),
    CONSTRAINT fk_sub_ip_log_account FOREIGN KEY (account_id) REFERENCES sub_account (id)
);

CREATE INDEX ix_sub_ip_log_account_seen ON sub_ip_log (account_id, seen_at);

CREATE TABLE sub_device (
    id           BIGINT                   NOT NULL,
    account_id   BIGINT                   NOT NULL,
    model        VARCHAR(100)             NOT NULL,
    app_version  VARCHAR(32)              NOT NULL,
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sub_device PRIMARY KEY (id),
    CONSTRAINT fk_sub_device_account FOREIGN KEY (account_id) REFERENCES sub_account (id)
);

CREATE INDEX ix_sub_device_account ON sub_device (account_id);

-- Which username an account had when: valid_from inclusive, valid_to exclusive, valid_to NULL = still current.
-- Accounts that were never renamed need no rows here: their current username (sub_account) has been
-- theirs since created_at.
CREATE TABLE sub_username_history (
    id          BIGINT                   NOT NULL,
    account_id  BIGINT                   NOT NULL,
    username    VARCHAR(64)              NOT NULL,
    valid_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sub_username_history PRIMARY KEY (id),
    CONSTRAINT fk_sub_username_history_account FOREIGN KEY (account_id) REFERENCES sub_account (id)
);

CREATE INDEX ix_sub_username_history_username ON sub_username_history (username, valid_from);
CREATE INDEX ix_sub_username_history_account ON sub_username_history (account_id, valid_from);
