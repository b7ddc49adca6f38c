-- Part two: content reports (notice and action, process content-report; docs/moderation.md).
-- Notices, the cases they join, each moderator's decision, complaints, referrals, Art. 23 measures and the messages
-- the gateways deliver. Personal data (notifiers' names and emails, the evidence) is kept only here, AES-256-GCM
-- encrypted (columns *_sealed), never in the engine. Facts are in columns a report and the DSA Transparency Database
-- export can count and map (issue 17). Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE cr_case_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE cr_notice_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE cr_decision_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE cr_complaint_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE cr_message_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE cr_referral_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE cr_misuse_seq START WITH 1 INCREMENT BY 1;

-- One row per normalised subject: the case that notices about it join now (locked by intake, so that concurrent
-- notices about one subject make one case).
CREATE TABLE cr_subject (
    subject_key      VARCHAR(600) NOT NULL PRIMARY KEY,
    -- the case notices join: open (RECEIVED, IN_REVIEW) or decided within the last 30 days; else a new case starts
    current_case     VARCHAR(20)
);

-- A case: one process instance of content-report, business key CR-<year>-<6 digits>.
CREATE TABLE cr_case (
    case_number         VARCHAR(20)  NOT NULL PRIMARY KEY,
    subject_key         VARCHAR(600) NOT NULL,
    -- MESSAGE, CHANNEL, GROUP, ACCOUNT, SEARCH_TERM
    subject_type        VARCHAR(20)  NOT NULL,
    -- the subject as normalised (a t.me link, a lower-case username, a folded search term)
    subject_reference   VARCHAR(600) NOT NULL,
    -- the platform account that posted the content or owns the channel/group/account (NULL: none, e.g. search terms)
    owner_account_id    BIGINT,
    -- the DSA category and specification of the first notice, and the most urgent of all notices (triage)
    category            VARCHAR(60)  NOT NULL,
    specification       VARCHAR(60),
    -- the country of the first notice (ISO 3166-1 alpha-2), the territorial scope asked for
    country             VARCHAR(2),
    -- RECEIVED, IN_REVIEW, DECIDED, IN_COMPLAINT, CLOSED
    status              VARCHAR(20)  NOT NULL,
    notice_count        INT          NOT NULL,
    trusted_notice_count INT         NOT NULL,
    -- triage: the class (CRITICAL, URGENT, HIGH, NORMAL), the task priority and the review due date
    priority_class      VARCHAR(20),
    priority            INT,
    review_due          TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the decision in force (the latest of cr_decision) and when it was sent (the complaint window runs from then)
    decision_id         BIGINT,
    decided_at          TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    version             INT          NOT NULL
);

CREATE INDEX cr_case_subject ON cr_case (subject_key, created_at);
CREATE INDEX cr_case_owner ON cr_case (owner_account_id, created_at);
CREATE INDEX cr_case_instance ON cr_case (process_instance_id);
CREATE INDEX cr_case_status ON cr_case (status, created_at);

-- A notice (Art. 16) as received, once per gateway and externalId.
CREATE TABLE cr_notice (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    -- the API user that submitted it (a gateway of group report-gateways, or a trusted flagger)
    gateway            VARCHAR(100) NOT NULL,
    external_id        VARCHAR(100) NOT NULL,
    -- SOURCE_ARTICLE_16 or SOURCE_TRUSTED_FLAGGER (the Transparency Database's source_type)
    source_type        VARCHAR(40)  NOT NULL,
    case_number        VARCHAR(20)  NOT NULL,
    subject_type       VARCHAR(20)  NOT NULL,
    subject_key        VARCHAR(600) NOT NULL,
    category           VARCHAR(60)  NOT NULL,
    specification      VARCHAR(60),
    country            VARCHAR(2),
    -- the gateway's pseudonymous id of the person (never a name or an email); NULL for anonymous CSAM notices
    notifier_ref       VARCHAR(100),
    anonymous          BOOLEAN      NOT NULL,
    -- name, email (JSON), explanation and evidence text: AES-256-GCM, the notice id as associated data
    notifier_sealed    BLOB,
    explanation_sealed BLOB         NOT NULL,
    evidence_sealed    BLOB,
    -- the media captured with the notice (its SHA-256; the bytes are the platform's)
    media_sha256       VARCHAR(64),
    -- the SHA-256 of the canonical submission: the same externalId with other content is a conflict
    submission_sha256  VARCHAR(64)  NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- JOINED (to an open case), STARTED (started the case), ALREADY_DECIDED (got the decision of the last 30 days)
    disposition        VARCHAR(20)  NOT NULL,
    CONSTRAINT cr_notice_once UNIQUE (gateway, external_id)
);

CREATE INDEX cr_notice_case ON cr_notice (case_number, id);
CREATE INDEX cr_notice_notifier ON cr_notice (gateway, notifier_ref, received_at);

-- Each decision on a case: the moderator's review, and each complaint's reversal (append-only; the case points at
-- the one in force). The facts of the statement of reasons (Art. 17) and of the Transparency Database export.
CREATE TABLE cr_decision (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    case_number         VARCHAR(20)  NOT NULL,
    -- REVIEW (Task_ReviewContent) or REVERSAL (a complaint reversed the decision before)
    kind                VARCHAR(20)  NOT NULL,
    -- REMOVE, RESTRICT, NO_ACTION
    decision            VARCHAR(20)  NOT NULL,
    -- ILLEGAL_CONTENT, INCOMPATIBLE_CONTENT (NULL for NO_ACTION)
    ground              VARCHAR(30),
    ground_reference    VARCHAR(500),
    explanation         VARCHAR(4000) NOT NULL,
    threat_to_life      BOOLEAN      NOT NULL,
    -- the moderator (a staff user id) and the engine task completed: one decision per task
    decided_by          VARCHAR(100) NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    task_id             VARCHAR(64),
    -- the decision this one replaces (a reversal)
    reverses_id         BIGINT,
    -- applied through the moderation interface (the platform's action id), and when
    applied_at          TIMESTAMP WITH TIME ZONE,
    action_reference    VARCHAR(100),
    CONSTRAINT cr_decision_task UNIQUE (task_id),
    CONSTRAINT cr_decision_case FOREIGN KEY (case_number) REFERENCES cr_case (case_number),
    CONSTRAINT cr_decision_reverses FOREIGN KEY (reverses_id) REFERENCES cr_decision (id)
);

CREATE INDEX cr_decision_case ON cr_decision (case_number, id);
CREATE INDEX cr_decision_time ON cr_decision (decided_at);

-- A complaint (Art. 20) by the uploader or a notifier, within six months of the decision message.
CREATE TABLE cr_complaint (
    id               BIGINT       NOT NULL PRIMARY KEY,
    case_number      VARCHAR(20)  NOT NULL,
    -- UPLOADER or NOTIFIER
    complainant      VARCHAR(20)  NOT NULL,
    -- the notice of a notifier's complaint
    notice_id        BIGINT,
    -- the decision complained about
    decision_id      BIGINT       NOT NULL,
    gateway          VARCHAR(100) NOT NULL,
    text_sealed      BLOB         NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PENDING, IN_REVIEW, UPHELD, REVERSED
    status           VARCHAR(20)  NOT NULL,
    outcome_decision VARCHAR(20),
    reasoning        VARCHAR(4000),
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP WITH TIME ZONE,
    task_id          VARCHAR(64),
    CONSTRAINT cr_complaint_case FOREIGN KEY (case_number) REFERENCES cr_case (case_number),
    CONSTRAINT cr_complaint_decision FOREIGN KEY (decision_id) REFERENCES cr_decision (id)
);

CREATE INDEX cr_complaint_case ON cr_complaint (case_number, id);

-- What the gateways deliver (GET /api/content-reports/messages?after=N): receipts, decisions to notifiers, statements
-- of reasons to uploaders, complaint outcomes, Art. 23 warnings and suspensions. No names, no emails: the gateway
-- knows its notifier by notifier_ref, the platform its account by account_id.
CREATE TABLE cr_message (
    id               BIGINT        NOT NULL PRIMARY KEY,
    -- the API user that delivers it: the notice's gateway; NULL: every member of report-gateways (uploaders)
    gateway          VARCHAR(100),
    -- RECEIPT, DECISION, STATEMENT_OF_REASONS, COMPLAINT_RECEIPT, COMPLAINT_OUTCOME, MISUSE_WARNING, SUSPENSION
    kind             VARCHAR(40)   NOT NULL,
    case_number      VARCHAR(20),
    notice_id        BIGINT,
    -- NOTIFIER (notifier_ref) or UPLOADER (account_id)
    recipient        VARCHAR(20)   NOT NULL,
    notifier_ref     VARCHAR(100),
    account_id       BIGINT,
    -- the message as JSON (text, decision, ground, redress, ...)
    body             VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX cr_message_gateway ON cr_message (gateway, id);

-- Art. 18: a decision that flags a threat to life or safety, referred to the authority of the country concerned.
CREATE TABLE cr_referral (
    id                BIGINT       NOT NULL PRIMARY KEY,
    case_number       VARCHAR(20)  NOT NULL,
    decision_id       BIGINT       NOT NULL,
    country           VARCHAR(2),
    authority         VARCHAR(200) NOT NULL,
    owner_account_id  BIGINT,
    -- the account's key as legal orders name it (dd_order_target.target_key: USERNAME:name, ACCOUNT_ID:id)
    account_key       VARCHAR(200),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cr_referral_case FOREIGN KEY (case_number) REFERENCES cr_case (case_number)
);

CREATE INDEX cr_referral_account ON cr_referral (account_key);

-- Art. 23 measures: warnings and suspensions of notifiers (NOTIFIER), accounts (ACCOUNT) and complainants
-- (COMPLAINANT). A suspension is proposed by the application and decided by a moderation lead.
CREATE TABLE cr_misuse_measure (
    id               BIGINT       NOT NULL PRIMARY KEY,
    -- NOTIFIER, ACCOUNT, COMPLAINANT
    party_kind       VARCHAR(20)  NOT NULL,
    -- a notifier: gateway + ':' + notifier_ref; an account: its id
    party_ref        VARCHAR(220) NOT NULL,
    -- WARNING, SUSPENSION_PROPOSED, SUSPENSION, SUSPENSION_DECLINED
    measure          VARCHAR(30)  NOT NULL,
    case_number      VARCHAR(20),
    -- the counts that crossed the threshold (e.g. 7 of 9 notices manifestly unfounded)
    basis            VARCHAR(500) NOT NULL,
    decided_by       VARCHAR(100),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    suspended_until  TIMESTAMP WITH TIME ZONE,
    reasoning        VARCHAR(4000),
    -- SUSPENSION and SUSPENSION_DECLINED: the SUSPENSION_PROPOSED they decide (one decision per proposal)
    proposal_id      BIGINT,
    CONSTRAINT cr_misuse_decides_once UNIQUE (proposal_id)
);

-- One row per party ever checked for misuse (misuse.MisuseService): locked (SELECT ... FOR UPDATE) while a check
-- decides on a measure, so that two decisions checked at once never warn or propose twice for one crossing.
CREATE TABLE cr_misuse_party (
    party_kind       VARCHAR(20)  NOT NULL,
    party_ref        VARCHAR(220) NOT NULL,
    CONSTRAINT cr_misuse_party_pk PRIMARY KEY (party_kind, party_ref)
);

CREATE INDEX cr_misuse_by_party ON cr_misuse_measure (party_kind, party_ref, created_at);
