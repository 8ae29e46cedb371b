-- Duplicate check (issue 15): the keyed hash of the ID document number (system/IdentityHash, HMAC-SHA256 as hex), so
-- applications of the same person can be found with an index while the number stays sealed. Existing rows are
-- filled at start-up (application/model/IdNumberHashes), as only the application holds the keys.
ALTER TABLE travel_application ADD COLUMN id_number_hash VARCHAR(64) NULL;
CREATE INDEX ix_travel_application_id_hash ON travel_application (id_number_hash, entry_date);
-- The other match: same date of birth and name.
CREATE INDEX ix_travel_application_birth_name ON travel_application (date_of_birth, name_korean);
