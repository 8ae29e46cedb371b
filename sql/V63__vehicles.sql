-- Vehicles (issue 17): registered once to an organisation (by its coordinators) or to a person (by the account
-- holder) and reused across trips. active_plate is the normalised plate while the vehicle is not retired (NULL
-- afterwards), so the database refuses two active vehicles with one plate but keeps retired ones' history.
CREATE TABLE vehicle (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id      BIGINT       NULL,
    owner_account_id     BIGINT       NULL,
    plate                VARCHAR(20)  NOT NULL,
    active_plate         VARCHAR(20)  NULL,
    vehicle_type         VARCHAR(20)  NOT NULL,
    make                 VARCHAR(100) NOT NULL,
    colour               VARCHAR(50)  NOT NULL,
    permit_number        VARCHAR(40)  NOT NULL,
    permit_expires       DATE         NOT NULL,
    registered_by        BIGINT       NOT NULL,
    registered_at        DATETIME(6)  NOT NULL,
    retired_at           DATETIME(6)  NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_vehicle_active_plate UNIQUE (active_plate),
    CONSTRAINT ck_vehicle_owner CHECK ((organisation_id IS NULL AND owner_account_id IS NOT NULL)
        OR (organisation_id IS NOT NULL AND owner_account_id IS NULL)),
    CONSTRAINT fk_vehicle_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_vehicle_owner FOREIGN KEY (owner_account_id) REFERENCES user_account (id),
    CONSTRAINT fk_vehicle_registered_by FOREIGN KEY (registered_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_vehicle_organisation ON vehicle (organisation_id, plate);
CREATE INDEX ix_vehicle_owner ON vehicle (owner_account_id, plate);

-- The registered vehicle a trip brings (its applicant drives it); vehicle_plate and vehicle_type stay the snapshot
-- the manifest shows. Older rows keep their free-text plate and no vehicle.
ALTER TABLE travel_application ADD COLUMN vehicle_id BIGINT NULL;
ALTER TABLE travel_application ADD CONSTRAINT fk_travel_application_vehicle FOREIGN KEY (vehicle_id) REFERENCES vehicle (id);
