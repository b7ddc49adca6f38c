-- The embedded default of the platform's moderation interface (moderation.ModerationInterface): the content that
-- can be reported (demo channels, groups, messages and accounts, with their owner in the subscriber directory and
-- captured media), and every action taken on it. In production the platform's own systems stand behind the
-- interface and these tables are unused. Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE pc_action_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE pc_content (
    -- moderation.Subject#key(): TYPE:normalised reference
    subject_key       VARCHAR(600) NOT NULL PRIMARY KEY,
    -- the account that posted it or owns the channel/group (sub_account.id); NULL for none
    owner_account_id  BIGINT,
    -- the DSA Transparency Database content type: CONTENT_TYPE_TEXT, CONTENT_TYPE_IMAGE, CONTENT_TYPE_VIDEO, ...
    content_type      VARCHAR(40)  NOT NULL,
    -- VISIBLE, REMOVED, RESTRICTED
    state             VARCHAR(20)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the message's text as posted (demo content: harmless generated text; NULL for channels, groups and accounts)
    text              VARCHAR(4000),
    -- the media posted with it (pc_media.sha256), shown to moderators behind a blur; NULL for none
    media_sha256      VARCHAR(64)
);

CREATE INDEX pc_content_owner ON pc_content (owner_account_id);

-- Media captured with notices (the evidence's images), by SHA-256 of their bytes.
CREATE TABLE pc_media (
    sha256      VARCHAR(64)  NOT NULL PRIMARY KEY,
    media_type  VARCHAR(40)  NOT NULL,
    content     BLOB         NOT NULL
);

-- Every action of the moderation interface: REMOVE, RESTRICT, UNDO, SUSPEND_ACCOUNT.
CREATE TABLE pc_action (
    id                BIGINT       NOT NULL PRIMARY KEY,
    reference         VARCHAR(100) NOT NULL,
    case_number       VARCHAR(20),
    decision_id       BIGINT,
    action            VARCHAR(20)  NOT NULL,
    subject_key       VARCHAR(600),
    account_id        BIGINT,
    until_at          TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pc_action_reference UNIQUE (reference)
);

CREATE INDEX pc_action_subject ON pc_action (subject_key, id);

-- Each time a moderator chose to see a notice's media unblurred (GET /moderation/cases/{case}/notices/{id}/media):
-- who, when, which notice. Staff user ids and references only.
CREATE SEQUENCE pc_media_view_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE pc_media_view (
    id           BIGINT       NOT NULL PRIMARY KEY,
    case_number  VARCHAR(20)  NOT NULL,
    notice_id    BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    viewed_by    VARCHAR(100) NOT NULL,
    viewed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX pc_media_view_notice ON pc_media_view (notice_id, id);
