-- Traveller profiles (issue 15): a civilian's personal data kept once and reused by every application, or kept by a
-- coordinator of an organisation for one of its people (with an account or without). owner_key makes each keeper's
-- profile of a person unique: 'A:<account>' for a person's own, 'O:<organisation>:A:<account>' for one an
-- organisation keeps about a member with an account; NULL (no limit) for people without an account.
CREATE TABLE traveller_profile (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    account_id           BIGINT       NULL,
    organisation_id      BIGINT       NULL,
    owner_key            VARCHAR(60)  NULL,
    name_korean          VARCHAR(50)  NOT NULL,
    name_latin           VARCHAR(100) NOT NULL,
    date_of_birth        DATE         NOT NULL,
    nationality          VARCHAR(3)   NOT NULL,
    id_document_type     VARCHAR(30)  NOT NULL,
    id_number_encrypted  VARCHAR(200) NOT NULL,
    phone                VARCHAR(20)  NOT NULL,
    has_photo            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_traveller_profile_owner UNIQUE (owner_key),
    CONSTRAINT fk_traveller_profile_account FOREIGN KEY (account_id) REFERENCES user_account (id),
    CONSTRAINT fk_traveller_profile_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_traveller_profile_account ON traveller_profile (account_id);
CREATE INDEX ix_traveller_profile_organisation ON traveller_profile (organisation_id);

-- The profile's history: who changed which fields when (the names of the fields, never their values).
CREATE TABLE traveller_profile_change (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    profile_id    BIGINT       NOT NULL,
    changed_at    DATETIME(6)  NOT NULL,
    changed_by    BIGINT       NOT NULL,
    changed_by_name VARCHAR(100) NOT NULL,
    fields        VARCHAR(300) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_profile_change_profile FOREIGN KEY (profile_id) REFERENCES traveller_profile (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_profile_change_profile ON traveller_profile_change (profile_id, changed_at);

CREATE TABLE traveller_profile_photo (
    profile_id   BIGINT      NOT NULL,
    jpeg         MEDIUMBLOB  NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    uploaded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (profile_id),
    CONSTRAINT fk_profile_photo_profile FOREIGN KEY (profile_id) REFERENCES traveller_profile (id)
) ENGINE=InnoDB;
