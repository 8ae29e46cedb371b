-- Organisations (issue 15): ministries, companies, NGOs and the press, created by ADMIN; their members with a
-- role inside the organisation (COORDINATOR is not a global role), and civilians' requests to join.
CREATE TABLE organisation (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    name_ko              VARCHAR(100) NOT NULL,
    name_en              VARCHAR(100) NOT NULL,
    type                 VARCHAR(16)  NOT NULL,
    registration_number  VARCHAR(40)  NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_organisation_registration_number UNIQUE (registration_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per person and organisation: a person is a member of an organisation once, in one role.
CREATE TABLE organisation_member (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NOT NULL,
    account_id       BIGINT       NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    joined_at        DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_organisation_member UNIQUE (organisation_id, account_id),
    CONSTRAINT fk_organisation_member_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_organisation_member_account FOREIGN KEY (account_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_organisation_member_account ON organisation_member (account_id);

-- A civilian's request to join. pending_account_id holds the account while the request is PENDING and is NULL once
-- decided, so the unique key allows one open request per person and organisation (and any number of decided ones).
CREATE TABLE membership_request (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id     BIGINT       NOT NULL,
    account_id          BIGINT       NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    pending_account_id  BIGINT       NULL,
    requested_at        DATETIME(6)  NOT NULL,
    decided_at          DATETIME(6)  NULL,
    decided_by          BIGINT       NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_membership_request_pending UNIQUE (organisation_id, pending_account_id),
    CONSTRAINT fk_membership_request_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_membership_request_account FOREIGN KEY (account_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_membership_request_account ON membership_request (account_id);
