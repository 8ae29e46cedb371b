-- Scan stations (issue 18): a device paired by a supervisor is bound to a gate and a lane; last_contact_at is
-- refreshed (at most once a minute) by its authenticated API calls and shown at /admin/devices.
ALTER TABLE checkpoint_device ADD COLUMN gate VARCHAR(10) NULL;
ALTER TABLE checkpoint_device ADD COLUMN lane VARCHAR(40) NULL;
ALTER TABLE checkpoint_device ADD COLUMN last_contact_at DATETIME(6) NULL;

-- The revocation list's sequence number: one row, bumped in the transaction of every revocation, so it only
-- grows, whichever instance revokes and whatever retention later deletes.
CREATE TABLE pass_revocation_sequence (
    id   INT    NOT NULL,
    seq  BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO pass_revocation_sequence (id, seq) VALUES (1, 1);
