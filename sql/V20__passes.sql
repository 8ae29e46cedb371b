-- Signing keys for pass tokens: metadata and public JWK only; private keys live in the key store
-- (a JWK file under kc.data-dir in demo mode, a PKCS#12 keystore in the mysql profile).
CREATE TABLE pass_signing_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    kid           VARCHAR(40)   NOT NULL,
    public_jwk    VARCHAR(1000) NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    activated_at  DATETIME(6)   NULL,
    retired_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_pass_signing_key_kid UNIQUE (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per issued pass. pass_id is the token's jti. current_for_application holds the application id while
-- the pass is not revoked (NULL afterwards), so the database refuses two live passes for one trip.
CREATE TABLE pass (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    pass_id                 VARCHAR(43)   NOT NULL,
    application_id          BIGINT        NOT NULL,
    application_reference   VARCHAR(20)   NOT NULL,
    holder_account_id       BIGINT        NOT NULL,
    holder_name_korean      VARCHAR(100)  NOT NULL,
    holder_name_latin       VARCHAR(100)  NOT NULL,
    valid_from              DATETIME(6)   NOT NULL,
    valid_until             DATETIME(6)   NOT NULL,
    kid                     VARCHAR(40)   NOT NULL,
    token                   VARCHAR(2000) NOT NULL,
    issued_at               DATETIME(6)   NOT NULL,
    current_for_application BIGINT        NULL,
    revoked_at              DATETIME(6)   NULL,
    revocation_cause        VARCHAR(30)   NULL,
    revocation_reason       VARCHAR(500)  NULL,
    revoked_by              BIGINT        NULL,
    replaced_by             VARCHAR(43)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_pass_pass_id UNIQUE (pass_id),
    CONSTRAINT uk_pass_current_for_application UNIQUE (current_for_application),
    CONSTRAINT fk_pass_holder FOREIGN KEY (holder_account_id) REFERENCES user_account (id),
    CONSTRAINT fk_pass_revoked_by FOREIGN KEY (revoked_by) REFERENCES user_account (id),
    CONSTRAINT fk_pass_kid FOREIGN KEY (kid) REFERENCES pass_signing_key (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_pass_holder ON pass (holder_account_id, issued_at);
CREATE INDEX ix_pass_application ON pass (application_id);
CREATE INDEX ix_pass_revoked ON pass (revoked_at, valid_until);
CREATE INDEX ix_pass_kid_valid ON pass (kid, valid_until);

-- The holder's photo (JPEG from the approved application), kept with the pass; one row per pass.
CREATE TABLE pass_photo (
    pass_pk BIGINT     NOT NULL,
    jpeg    MEDIUMBLOB NOT NULL,
    PRIMARY KEY (pass_pk),
    CONSTRAINT fk_pass_photo_pass FOREIGN KEY (pass_pk) REFERENCES pass (id)
) ENGINE=InnoDB;
