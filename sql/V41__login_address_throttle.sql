-- Failed sign-ins per client address, shared by all instances (account.AddressThrottle).
CREATE TABLE login_address (
    address         VARCHAR(64)  NOT NULL,
    window_start    DATETIME(6)  NOT NULL,
    failures        INT          NOT NULL,
    blocked_until   DATETIME(6)  NULL,
    PRIMARY KEY (address)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
