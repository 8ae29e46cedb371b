-- Retention (issue 16). The periods ADMIN sets at /admin/retention; one row, absent until first saved (the
-- kc.retention.* properties are the defaults).
CREATE TABLE retention_settings (
    id                 INT          NOT NULL,
    trip_days          INT          NOT NULL,
    refused_days       INT          NOT NULL,
    crossing_log_days  INT          NOT NULL,
    mail_days          INT          NOT NULL,
    audit_days         INT          NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Anonymised rows are marked, so a later run skips them; the indexes find the next batch without a table scan.
ALTER TABLE travel_application ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_travel_application_retention ON travel_application (anonymised_at, return_date);
CREATE INDEX ix_travel_application_retention_final ON travel_application (anonymised_at, status, updated_at);

ALTER TABLE pass ADD COLUMN anonymised_at DATETIME(6) NULL;
ALTER TABLE pass MODIFY holder_name_korean VARCHAR(100) NULL;
ALTER TABLE pass MODIFY holder_name_latin VARCHAR(100) NULL;
ALTER TABLE pass MODIFY token VARCHAR(2000) NULL;
CREATE INDEX ix_pass_retention ON pass (anonymised_at, valid_until);

ALTER TABLE crossing_log ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_crossing_log_retention ON crossing_log (anonymised_at, scanned_at);

-- Where the audit chain now starts: retention deletes the oldest events and moves the start here, under the head
-- lock, so verification begins at first_id trusting first_prev_hash (the hash of the last deleted event).
ALTER TABLE audit_head ADD COLUMN first_id BIGINT NOT NULL DEFAULT 1;
ALTER TABLE audit_head ADD COLUMN first_prev_hash VARCHAR(64) NOT NULL
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
