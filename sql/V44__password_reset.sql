-- Password reset links (account.PasswordResets): only the SHA-256 of the token is kept; a link is good once, for
-- a limited time.
CREATE TABLE password_reset (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id      BIGINT       NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    used_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Requests counted per key in a time window, shared by all instances (account.RequestQuota): reset requests per
-- client address and per email (the email as its SHA-256, not in clear).
CREATE TABLE request_quota (
    quota_key       VARCHAR(80)  NOT NULL,
    window_start    DATETIME(6)  NOT NULL,
    requests        INT          NOT NULL,
    PRIMARY KEY (quota_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
