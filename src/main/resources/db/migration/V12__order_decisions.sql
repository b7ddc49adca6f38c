-- The decisions legal staff take on an order, recorded by the application when a task is completed, from the
-- signed-in user: the source of truth for what is disclosed, about whom, and who analysed and approved it
-- (docs/security.md, "The trust boundary"). Process variables only copy them. Append-only: a new round of analysis
-- or approval adds a row. Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE dd_order_decision_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dd_order_decision (
    id               BIGINT       NOT NULL PRIMARY KEY,
    tracking_number  VARCHAR(20)  NOT NULL,
    -- VERIFICATION, ANALYSIS, APPROVAL, EMERGENCY_APPROVAL, ANALYSIS_AFTER_DISCLOSURE
    step             VARCHAR(40)  NOT NULL,
    -- the decision in the step's own terms: DISCLOSE, REJECT, NEED_INFO, APPROVE, RETURN, VERIFIED, ...
    decision         VARCHAR(40)  NOT NULL,
    -- the categories approved (IP_ADDRESS, PHONE_NUMBER; comma-separated) by an analysis or an approval alone
    categories       VARCHAR(200),
    decided_by       VARCHAR(100) NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the engine's task that was completed: one decision per task
    task_id          VARCHAR(64)  NOT NULL,
    -- the decision this one decides on: for an approval, the analysis it approves, returns or rejects; for the
    -- analysis after an emergency disclosure, the approval alone it reviews
    based_on_id      BIGINT,
    CONSTRAINT dd_order_decision_task UNIQUE (task_id),
    CONSTRAINT dd_order_decision_order FOREIGN KEY (tracking_number) REFERENCES dd_legal_order (tracking_number),
    CONSTRAINT dd_order_decision_based_on FOREIGN KEY (based_on_id) REFERENCES dd_order_decision (id)
);

CREATE INDEX dd_order_decision_by_order ON dd_order_decision (tracking_number, id);

-- the process instance each order is bound to: the application finds the order of an instance here
CREATE INDEX dd_legal_order_instance ON dd_legal_order (process_instance_id);
