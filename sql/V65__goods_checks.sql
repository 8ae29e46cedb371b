-- Goods at the gate (issue 17): the officer's tick-off of a trip's declared goods after an accepted scan, one per
-- trip and direction (northbound: every line; southbound: the lines declared to come back), and the differences
-- found, each open until an officer closes it with a reason. A line of a check without a difference was carried
-- as declared. A difference without a check is a line that went north and never came back, closed from
-- /checkpoint/goods after the traveller got out without a southbound check. See docs/checkpoint.md. Direction and
-- kind are the entities' enums (no CHECK: H2 failed to evaluate an IN check on an insert once other test contexts
-- shared the in-memory database).
CREATE TABLE goods_check (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    application_id  BIGINT       NOT NULL,
    direction       VARCHAR(20)  NOT NULL,
    scan_id         VARCHAR(64)  NOT NULL,
    gate            VARCHAR(20)  NOT NULL,
    checked_at      DATETIME(6)  NOT NULL,
    checked_by      BIGINT       NOT NULL,
    checked_by_name VARCHAR(100) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_goods_check_trip UNIQUE (application_id, direction),
    CONSTRAINT uq_goods_check_scan UNIQUE (scan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_goods_check_checked_at ON goods_check (checked_at);

CREATE TABLE goods_difference (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    check_id         BIGINT       NULL,
    application_id   BIGINT       NOT NULL,
    direction        VARCHAR(20)  NOT NULL,
    line_no          INT          NULL,
    kind             VARCHAR(20)  NOT NULL,
    description      VARCHAR(200) NOT NULL,
    note             VARCHAR(500) NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    recorded_by      BIGINT       NOT NULL,
    recorded_by_name VARCHAR(100) NOT NULL,
    closed_at        DATETIME(6)  NULL,
    closed_by        BIGINT       NULL,
    closed_by_name   VARCHAR(100) NULL,
    close_reason     VARCHAR(500) NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_goods_difference_check FOREIGN KEY (check_id) REFERENCES goods_check (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_goods_difference_trip ON goods_difference (application_id, direction);
CREATE INDEX ix_goods_difference_open ON goods_difference (closed_at, recorded_at);
