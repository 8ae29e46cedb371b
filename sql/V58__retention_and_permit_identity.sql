-- Retention of issue 15's data (issue 16): an ended standing permit and a finished group trip keep their rows
-- without free text (anonymised_at marks them); a profile an organisation keeps for a person without an account is
-- deleted once neither changed nor used for a trip for the finished-trips period (used_until: the latest return
-- date of a group trip filed from it).
ALTER TABLE standing_permit ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_standing_permit_retention ON standing_permit (anonymised_at, valid_until);
ALTER TABLE trip_group ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_trip_group_retention ON trip_group (anonymised_at, return_date);
ALTER TABLE traveller_profile ADD COLUMN used_until DATE NULL;

-- Duplicate check (issue 15): the holder's identity hash (system/IdentityHash of the ID number on file at grant
-- time), so an application of the same person whose dates overlap a valid permit is flagged. Cleared by retention.
ALTER TABLE standing_permit ADD COLUMN id_number_hash VARCHAR(64) NULL;
CREATE INDEX ix_standing_permit_id_hash ON standing_permit (id_number_hash, valid_until);

-- An officer declines a renewal request with a reason the coordinator sees (status DECLINED); cleared by retention
-- with the permit's other free text.
ALTER TABLE permit_renewal ADD COLUMN decline_reason VARCHAR(500) NULL;
