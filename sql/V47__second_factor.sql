-- Staff second factor (account.mfa). A TOTP secret per account, confirmed once the person typed a code from their
-- app; last_used_step is the 30 s step of the last accepted code, so a code is good once.
CREATE TABLE totp_factor (
    account_id      BIGINT       NOT NULL,
    secret          VARCHAR(64)  NOT NULL,
    confirmed_at    DATETIME(6)  NULL,
    last_used_step  BIGINT       NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_totp_factor_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use recovery codes, shown once; only their SHA-256 is kept.
CREATE TABLE recovery_code (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id      BIGINT       NOT NULL,
    code_hash       VARCHAR(64)  NOT NULL,
    used_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_recovery_code UNIQUE (account_id, code_hash),
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
