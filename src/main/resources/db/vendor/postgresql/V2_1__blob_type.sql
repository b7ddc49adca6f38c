-- PostgreSQL only (location db/vendor/{vendor}): V3 declares dd_disclosure.package_content as BLOB, the SQL-standard
-- type H2 has and PostgreSQL lacks. PostgreSQL's binary string type is BYTEA; this domain lets V3 run unchanged (its
-- checksum stays the one every existing H2 database recorded). The JDBC driver reports a domain column as its base
-- type, so the column reads and writes as bytea.
CREATE DOMAIN blob AS BYTEA;
