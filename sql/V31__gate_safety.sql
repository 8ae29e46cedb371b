-- Gate safety: alerts on accepted southbound scans, the supervisor who authorised an override, scans listed by
-- the time they were received, revoked passes of people inside, and the applicant's trip "inside" flag.

-- REVOKED / EXPIRED / APPLICATION_NOT_APPROVED / STALE_OFFLINE_SCAN on an accepted scan of someone let out.
ALTER TABLE crossing_log ADD COLUMN alert VARCHAR(30) NULL;
ALTER TABLE crossing_log ADD COLUMN supervisor_account_id BIGINT NULL;
ALTER TABLE crossing_log ADD COLUMN supervisor_name VARCHAR(100) NULL;
CREATE INDEX ix_crossing_log_received ON crossing_log (recorded_at);
CREATE INDEX ix_crossing_log_alert_time ON crossing_log (alert, recorded_at);

ALTER TABLE pass_presence ADD COLUMN revoked BOOLEAN NOT NULL DEFAULT FALSE;

-- Owned by the application module: whether the crossing log shows the trip's traveller inside the zone now
-- (kept from the checkpoint's TravellerCrossed event), so the applicant cannot withdraw a trip they are on.
CREATE TABLE trip_presence (
    application_id  BIGINT   NOT NULL,
    inside          BOOLEAN  NOT NULL,
    PRIMARY KEY (application_id)
) ENGINE=InnoDB;
