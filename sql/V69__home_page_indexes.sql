-- The home pages count and list by these (each figure one indexed query, also with 100,000 applications and
-- 1,000,000 crossing-log rows): the review queue by age, the consent wait by slot, an officer's decisions of the
-- day, a traveller's crossings, a device's last scan, open watch-list matches, failed mail, locked and staff accounts.
CREATE INDEX ix_travel_application_status_submitted ON travel_application (status, submitted_at);
CREATE INDEX ix_travel_application_status_slot ON travel_application (status, northbound_slot);
CREATE INDEX ix_status_change_actor ON application_status_change (actor_id, changed_at);
CREATE INDEX ix_crossing_log_application ON crossing_log (application_id, result, scanned_at);
CREATE INDEX ix_crossing_log_device ON crossing_log (device_id, recorded_at);
CREATE INDEX ix_screening_match_status ON screening_match (status);
CREATE INDEX ix_outbound_mail_status ON outbound_mail (status);
CREATE INDEX ix_user_account_locked ON user_account (locked_until);
CREATE INDEX ix_user_account_role ON user_account (role, enabled);
