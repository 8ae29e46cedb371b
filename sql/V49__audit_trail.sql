-- The audit trail (audit module): one hash-chained row per recorded action. id is the chain position (1, 2, ...),
-- given out under the lock on audit_head, so a missing id or a prev_hash that is not the previous row's hash shows a
-- deleted row. Times in UTC. detail is short key=value text: never ID numbers, passwords, secrets or codes.
CREATE TABLE audit_event (
    id              BIGINT       NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    actor_kind      VARCHAR(16)  NOT NULL,
    actor_id        VARCHAR(64)  NULL,
    actor_role      VARCHAR(32)  NULL,
    action          VARCHAR(64)  NOT NULL,
    subject_type    VARCHAR(32)  NULL,
    subject_id      VARCHAR(64)  NULL,
    outcome         VARCHAR(16)  NOT NULL,
    client_address  VARCHAR(64)  NULL,
    detail          VARCHAR(500) NULL,
    prev_hash       VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_kind, actor_id, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX ix_audit_event_subject ON audit_event (subject_type, subject_id, occurred_at);

-- The chain's head: one row, locked (SELECT ... FOR UPDATE) by every append, so instances never fork the chain.
CREATE TABLE audit_head (
    id              INT          NOT NULL,
    last_id         BIGINT       NOT NULL,
    last_hash       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO audit_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Daily anchors: the chain's latest hash at a time, also written to the log, to be copied somewhere else.
CREATE TABLE audit_anchor (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    anchored_at     DATETIME(6)  NOT NULL,
    event_id        BIGINT       NOT NULL,
    hash            VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_anchor_time ON audit_anchor (anchored_at);

-- ShedLock (net.javacrumbs.shedlock, JdbcTemplateLockProvider): one of several instances runs a scheduled job.
-- Times are the instances' UTC clocks.
CREATE TABLE shedlock (
    name            VARCHAR(64)  NOT NULL,
    lock_until      DATETIME(3)  NOT NULL,
    locked_at       DATETIME(3)  NOT NULL,
    locked_by       VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
