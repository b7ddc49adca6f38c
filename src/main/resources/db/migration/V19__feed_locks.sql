-- One row per feed that clients read "after the last id you saw" (api.md): a transaction that adds rows to a feed
-- locks the feed's row when it commits, takes the rows' ids then and inserts them, so that ids follow the order of
-- the commits and no client skips a row that committed late (common.CommitOrderedFeed, issue 18).
CREATE TABLE dd_feed_lock (
    feed VARCHAR(40) PRIMARY KEY
);
INSERT INTO dd_feed_lock (feed) VALUES ('dd_outbox');
INSERT INTO dd_feed_lock (feed) VALUES ('cr_message');
INSERT INTO dd_feed_lock (feed) VALUES ('cr_statement');
