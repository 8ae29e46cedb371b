-- Route modes: OPEN, SOUTHBOUND_ONLY (returns only) or CLOSED, each change with who, when and why. The mode in
-- force at an instant is the latest change (not cancelled) starting at or before it: rows are never deleted, a
-- change scheduled for later may be cancelled before it starts.
CREATE TABLE route_mode_change (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    route_mode        VARCHAR(20)  NOT NULL,
    starts_at         DATETIME(6)  NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    changed_by        BIGINT       NOT NULL,
    changed_by_name   VARCHAR(100) NOT NULL,
    changed_at        DATETIME(6)  NOT NULL,
    cancelled_at      DATETIME(6)  NULL,
    cancelled_by_name VARCHAR(100) NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every scan and every staff page asks for the change in force: latest start at or before now.
CREATE INDEX ix_route_mode_change_start ON route_mode_change (starts_at);
