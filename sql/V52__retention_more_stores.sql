-- Retention reaches the manifests (issue 16): a version of a slot past the trip period keeps its counts but no
-- names, birth dates or plates, and is marked, so a later run skips it and its downloads say so.
ALTER TABLE manifest_version ADD COLUMN anonymised_at DATETIME(6) NULL;
CREATE INDEX ix_manifest_version_retention ON manifest_version (anonymised_at, slot);

-- Passes past the trip period lose their holder's names in the presence table too; the index finds them.
CREATE INDEX ix_pass_presence_retention ON pass_presence (valid_until);
