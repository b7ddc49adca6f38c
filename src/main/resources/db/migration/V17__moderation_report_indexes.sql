-- Issue 17: the moderation figures of the transparency report (transparency.ModerationFiguresService) filter every
-- content-report table by a time column and group in the database. One index per filter, holding the columns the
-- aggregate reads after the time, so that a period of a million decisions is read from the index alone
-- (docs/performance.md, "Transparency report at 1M decisions"). Portable SQL: H2 2.x and PostgreSQL 15.

-- notices by category and source, received in the period
CREATE INDEX cr_notice_report ON cr_notice (received_at, category, source_type);
-- the notices of a case with their reception time (median time from notice to decision)
CREATE INDEX cr_notice_case_time ON cr_notice (case_number, received_at);
-- decisions by kind, type and ground, taken in the period (cr_decision_time on decided_at alone stays for others)
CREATE INDEX cr_decision_report ON cr_decision (decided_at, kind, decision, ground, case_number, reverses_id);
-- complaints received, and complaints decided with their status and reception (median time to decide)
CREATE INDEX cr_complaint_received ON cr_complaint (received_at);
CREATE INDEX cr_complaint_decided ON cr_complaint (decided_at, status, received_at);
-- Art. 23 suspensions decided in the period, by class
CREATE INDEX cr_misuse_report ON cr_misuse_measure (measure, created_at, party_kind);
-- Art. 18 referrals in the period, by country
CREATE INDEX cr_referral_report ON cr_referral (created_at, country);
