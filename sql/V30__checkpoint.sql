-- Checkpoint: scanner devices, the crossing log (every scan), where each pass holder is (presence), planned trips.

CREATE TABLE checkpoint_device (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    created_by    BIGINT       NULL,
    revoked_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_checkpoint_device_token UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per scan, accepted or refused; rows are never updated.
-- scan_id is the idempotency key (a device's UUID, or one the scan station generated for its form).
-- visit_no is set on accepted rows only: the holder's n-th visit. The unique key over (pass_id, visit_no,
-- direction) is the database's own guard against two accepted ENTRY (or EXIT) scans of the same visit, under
-- the pass row lock that the scan transaction takes first. NULLs (refusals) never collide.
CREATE TABLE crossing_log (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    scan_id             VARCHAR(64)  NOT NULL,
    pass_id             VARCHAR(43)  NULL,
    application_id      BIGINT       NULL,
    scanned_at          DATETIME(6)  NOT NULL,
    recorded_at         DATETIME(6)  NOT NULL,
    direction           VARCHAR(5)   NOT NULL,
    lane                VARCHAR(40)  NOT NULL,
    officer_account_id  BIGINT       NULL,
    device_id           BIGINT       NULL,
    operator_name       VARCHAR(100) NOT NULL,
    result              VARCHAR(8)   NOT NULL,
    reason              VARCHAR(30)  NULL,
    detail              VARCHAR(30)  NULL,
    is_override         BOOLEAN      NOT NULL DEFAULT FALSE,
    override_of         VARCHAR(64)  NULL,
    override_reason     VARCHAR(500) NULL,
    holder_name_korean  VARCHAR(100) NULL,
    holder_name_latin   VARCHAR(100) NULL,
    valid_until         DATETIME(6)  NULL,
    visit_no            INT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_crossing_log_scan UNIQUE (scan_id),
    CONSTRAINT uk_crossing_log_visit UNIQUE (pass_id, visit_no, direction)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_crossing_log_time ON crossing_log (scanned_at);
CREATE INDEX ix_crossing_log_result_time ON crossing_log (result, scanned_at);
CREATE INDEX ix_crossing_log_reason_time ON crossing_log (reason, scanned_at);
CREATE INDEX ix_crossing_log_name_ko ON crossing_log (holder_name_korean, scanned_at);
CREATE INDEX ix_crossing_log_name_latin ON crossing_log (holder_name_latin, scanned_at);

-- Where each pass holder is now; one row per pass that was ever accepted at a lane.
CREATE TABLE pass_presence (
    pass_id             VARCHAR(43)  NOT NULL,
    application_id      BIGINT       NOT NULL,
    holder_name_korean  VARCHAR(100) NULL,
    holder_name_latin   VARCHAR(100) NULL,
    inside              BOOLEAN      NOT NULL,
    since               DATETIME(6)  NOT NULL,
    visits              INT          NOT NULL,
    lane                VARCHAR(40)  NOT NULL,
    valid_until         DATETIME(6)  NULL,
    PRIMARY KEY (pass_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_pass_presence_inside ON pass_presence (inside, since);

-- Planned dates of approved trips, kept from the TripApprovedForTravel event for the roster's overstay flag.
CREATE TABLE checkpoint_trip (
    application_id  BIGINT      NOT NULL,
    reference       VARCHAR(20) NULL,
    entry_date      DATE        NULL,
    return_date     DATE        NULL,
    PRIMARY KEY (application_id)
) ENGINE=InnoDB;
