-- A scan a station decided offline that the server decided otherwise when it synced (issue 18): one row per scan
-- id, listed for supervisors until acknowledged. The holder's names stay in the crossing log (and its retention).
CREATE TABLE scan_conflict (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    scan_id               VARCHAR(64)  NOT NULL,
    device_id             BIGINT       NOT NULL,
    device_name           VARCHAR(100) NOT NULL,
    gate                  VARCHAR(10)  NOT NULL,
    lane                  VARCHAR(40)  NOT NULL,
    direction             VARCHAR(10)  NOT NULL,
    offline_decision      VARCHAR(10)  NOT NULL,
    offline_reason        VARCHAR(40)  NULL,
    server_decision       VARCHAR(10)  NOT NULL,
    server_reason         VARCHAR(40)  NULL,
    server_alert          VARCHAR(40)  NULL,
    scanned_at            DATETIME(6)  NOT NULL,
    received_at           DATETIME(6)  NOT NULL,
    acknowledged_by       BIGINT       NULL,
    acknowledged_by_name  VARCHAR(100) NULL,
    acknowledged_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_scan_conflict_scan UNIQUE (scan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_scan_conflict_open ON scan_conflict (acknowledged_at, received_at);
