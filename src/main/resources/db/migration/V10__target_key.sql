-- The normalized key of each target, so that orders naming the same target however it is written are found with a
-- join on an index (related orders of the same authority): "<TYPE>:<value>" with
--   USERNAME   without the leading '@', in lower case        (@Example_User  -> USERNAME:example_user)
--   PHONE      E.164                                          (+4915112345678 -> PHONE:+4915112345678)
--   ACCOUNT_ID as given, trimmed                              (100002         -> ACCOUNT_ID:100002)
-- New rows get it from the application (Target.key(), which normalizes phone numbers fully with PhoneNumbers).
-- Existing rows are filled here in SQL. Every channel stores phone targets in E.164 already (the API refuses other
-- forms, the start form normalizes them), so for them the replacements below change nothing; they strip the ASCII
-- separators (space - . / and a "(0)" trunk prefix) and turn a leading 00 into + for rows written some other way.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.

ALTER TABLE dd_order_target ADD COLUMN target_key VARCHAR(120);

UPDATE dd_order_target SET target_key = CASE target_type
        WHEN 'USERNAME' THEN 'USERNAME:' || LOWER(CASE WHEN SUBSTRING(TRIM(target_value) FROM 1 FOR 1) = '@'
                                                      THEN SUBSTRING(TRIM(target_value) FROM 2)
                                                      ELSE TRIM(target_value) END)
        WHEN 'PHONE' THEN 'PHONE:' || CASE
            WHEN REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(target_value), '(0)', ''), ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', '') LIKE '00%'
            THEN '+' || SUBSTRING(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(target_value), '(0)', ''), ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', '') FROM 3)
            ELSE REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(target_value), '(0)', ''), ' ', ''), '-', ''), '.', ''), '/', ''), '(', ''), ')', '') END
        ELSE target_type || ':' || TRIM(target_value)
    END;

ALTER TABLE dd_order_target ALTER COLUMN target_key SET NOT NULL;

CREATE INDEX dd_order_target_key ON dd_order_target (target_key, tracking_number);
