-- Standing permits (issue 15): an officer lets a person who crosses routinely book slots without a new review,
-- for up to kc.permits.max-months. reminded_at marks the expiry reminder (set once, by one conditional update,
-- whichever instance runs the job). A renewal request comes from a coordinator of the permit's organisation;
-- pending_permit_id holds the permit while the request is PENDING, so a permit has at most one open request.
CREATE TABLE standing_permit (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    holder_id           BIGINT        NOT NULL,
    organisation_id     BIGINT        NOT NULL,
    purpose             VARCHAR(30)   NOT NULL,
    purpose_detail      VARCHAR(1000) NOT NULL,
    northbound          BOOLEAN       NOT NULL,
    southbound          BOOLEAN       NOT NULL,
    valid_from          DATE          NOT NULL,
    valid_until         DATE          NOT NULL,
    granted_at          DATETIME(6)   NOT NULL,
    granted_by          BIGINT        NOT NULL,
    renews_id           BIGINT        NULL,
    revoked_at          DATETIME(6)   NULL,
    revoked_by          BIGINT        NULL,
    revocation_reason   VARCHAR(500)  NULL,
    reminded_at         DATETIME(6)   NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_standing_permit_holder FOREIGN KEY (holder_id) REFERENCES user_account (id),
    CONSTRAINT fk_standing_permit_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_standing_permit_granted_by FOREIGN KEY (granted_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_standing_permit_holder ON standing_permit (holder_id);
CREATE INDEX ix_standing_permit_until ON standing_permit (valid_until);

CREATE TABLE permit_renewal (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    permit_id           BIGINT        NOT NULL,
    requested_by        BIGINT        NOT NULL,
    requested_at        DATETIME(6)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    pending_permit_id   BIGINT        NULL,
    decided_at          DATETIME(6)   NULL,
    decided_by          BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_permit_renewal_pending UNIQUE (pending_permit_id),
    CONSTRAINT fk_permit_renewal_permit FOREIGN KEY (permit_id) REFERENCES standing_permit (id),
    CONSTRAINT fk_permit_renewal_requested_by FOREIGN KEY (requested_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A crossing booked on a permit is a trip like any other (seats, manifest, consent per slot), marked with it.
ALTER TABLE travel_application ADD COLUMN permit_id BIGINT NULL;
CREATE INDEX ix_travel_application_permit ON travel_application (permit_id);

-- A permit holder's one long-lived pass belongs to the permit, not to a trip; current_for_permit is the permit id
-- while the pass is live, so the database refuses two live passes for one permit.
ALTER TABLE pass MODIFY application_id BIGINT NULL;
ALTER TABLE pass ADD COLUMN permit_id BIGINT NULL;
ALTER TABLE pass ADD COLUMN current_for_permit BIGINT NULL;
CREATE UNIQUE INDEX uk_pass_current_for_permit ON pass (current_for_permit);
