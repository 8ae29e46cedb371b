-- Retention of issue 15's data (issue 16): an ended standing permit and a finished group trip keep their rows
-- without free text (anonymised_at marks them); a profile an organisation keeps for a person without an account is
-- deleted once neither changed nor used for a trip for the finished-trips period (used_until: the latest return
-- date of a group trip filed from it).
ALTER TABLE standing_permit ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_standing_permit_retention ON standing_permit (anonymised_at, valid_until);
ALTER TABLE trip_group ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_trip_group_retention ON trip_group (anonymised_at, return_date);
ALTER TABLE traveller_profile ADD COLUMN used_until DATE NULL;
