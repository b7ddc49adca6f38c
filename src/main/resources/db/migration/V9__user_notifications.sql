-- Notifications of users whose data was disclosed, recorded for the platform to deliver once no non-disclosure
-- order forbids it; and, to know whom to notify months later, the accounts each disclosure contained (recorded at
-- disclosure time: the encrypted package itself expires long before a non-disclosure order usually ends).
-- account_id is the platform's internal account reference (sub_account.id in the embedded default): never a phone
-- number, IP address or username. Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE TABLE dd_disclosed_account (
    tracking_number  VARCHAR(20)  NOT NULL,
    account_id       BIGINT       NOT NULL,
    -- the categories of this account that the package contained (IP_ADDRESS, PHONE_NUMBER; comma-separated)
    categories       VARCHAR(200) NOT NULL,
    CONSTRAINT dd_disclosed_account_pk PRIMARY KEY (tracking_number, account_id),
    CONSTRAINT dd_disclosed_account_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE SEQUENCE dd_user_notification_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_user_notification (
    id               BIGINT        NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)   NOT NULL,
    account_id       BIGINT        NOT NULL,
    -- what the user is told: authority, country, order type, categories, date of disclosure, tracking number
    text             VARCHAR(2000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dd_user_notification_once UNIQUE (tracking_number, account_id),
    CONSTRAINT dd_user_notification_status CHECK (status IN ('PENDING', 'DELIVERED')),
    CONSTRAINT dd_user_notification_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

-- the delivery system's list: by status, newest first
CREATE INDEX dd_user_notification_status ON dd_user_notification (status, created_at, id);
