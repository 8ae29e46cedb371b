-- Passkeys (WebAuthn), read and written by Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository: their table and column names are fixed by those classes. Adapted from Spring
-- Security's user-entities-schema.sql and user-credentials-schema.sql: ids are base64url text held to 768 characters
-- so a utf8mb4 key fits InnoDB's 3072-byte index limit (a credential id of up to 576 bytes; authenticators give
-- 16 to 64), BLOBs for the keys, DATETIME(6) for instants.

-- One WebAuthn user handle per account that registered a passkey; name is the account's email (never changes).
CREATE TABLE user_entities (
    id              VARCHAR(768)  NOT NULL,
    name            VARCHAR(254)  NOT NULL,
    display_name    VARCHAR(254)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_user_entities_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The registered passkeys: public key, signature counter, the person's label, when made and last used.
CREATE TABLE user_credentials (
    credential_id                 VARCHAR(768)  NOT NULL,
    user_entity_user_id           VARCHAR(768)  NOT NULL,
    public_key                    BLOB          NOT NULL,
    signature_count               BIGINT        NULL,
    uv_initialized                BOOLEAN       NULL,
    backup_eligible               BOOLEAN       NOT NULL,
    authenticator_transports      VARCHAR(1000) NULL,
    public_key_credential_type    VARCHAR(100)  NULL,
    backup_state                  BOOLEAN       NOT NULL,
    attestation_object            BLOB          NULL,
    attestation_client_data_json  BLOB          NULL,
    created                       DATETIME(6)   NULL,
    last_used                     DATETIME(6)   NULL,
    label                         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (credential_id),
    CONSTRAINT fk_user_credentials_user FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
