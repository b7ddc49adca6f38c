-- Delivery of disclosure packages: encryption key id, approval time, expiry, and every download.

ALTER TABLE dd_disclosure ADD COLUMN package_key_id VARCHAR(16);
ALTER TABLE dd_disclosure ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dd_disclosure ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dd_disclosure ADD COLUMN package_deleted_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX dd_disclosure_expiry ON dd_disclosure (expires_at);

CREATE SEQUENCE dd_disclosure_download_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_disclosure_download (
    id               BIGINT       NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)  NOT NULL,
    downloaded_by    VARCHAR(100) NOT NULL,
    downloaded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    package_sha256   VARCHAR(64)  NOT NULL,
    CONSTRAINT dd_disclosure_download_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number)
);

CREATE INDEX dd_disclosure_download_order ON dd_disclosure_download (tracking_number, id);
