-- The registry of known authorities: authorities the legal team verified through an official channel (an official
-- directory, a call to a published switchboard), with the official domain of their e-mail and the known contact to
-- call back. Requester verification compares an order's contact e-mail with it. No personal data of users here.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE dd_known_authority_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_known_authority (
    id               BIGINT       NOT NULL PRIMARY KEY,
    -- ISO 3166-1 alpha-2
    country          VARCHAR(2)   NOT NULL,
    -- as registered (trimmed)
    name             VARCHAR(200) NOT NULL,
    -- the name trimmed, runs of white space as one space, lower case: the same authority however it is written
    name_key         VARCHAR(200) NOT NULL,
    -- official e-mail domain in lower case (e.g. sta.berlin.example); its sub-domains belong to it
    contact_domain   VARCHAR(253) NOT NULL,
    -- how to reach the authority through a known channel (switchboard, desk), shown to the analyst
    known_contact    VARCHAR(500) NOT NULL,
    -- the user who verified (or last re-verified) the authority, and when
    verified_by      VARCHAR(100) NOT NULL,
    verified_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dd_known_authority_name UNIQUE (country, name_key)
);
