-- Travel applications (module: application). Instants are UTC; dates are calendar dates in Asia/Seoul.
CREATE TABLE travel_application (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    reference             VARCHAR(20)   NOT NULL,
    applicant_id          BIGINT        NOT NULL,
    status                VARCHAR(30)   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    name_korean           VARCHAR(50)   NULL,
    name_latin            VARCHAR(100)  NULL,
    date_of_birth         DATE          NULL,
    nationality           VARCHAR(3)    NULL,
    id_document_type      VARCHAR(30)   NULL,
    id_number_encrypted   VARCHAR(200)  NULL,
    phone                 VARCHAR(20)   NULL,
    organisation          VARCHAR(100)  NULL,
    purpose               VARCHAR(30)   NULL,
    purpose_detail        VARCHAR(1000) NULL,
    entry_date            DATE          NULL,
    return_date           DATE          NULL,
    vehicle_plate         VARCHAR(20)   NULL,
    vehicle_type          VARCHAR(20)   NULL,
    has_photo             BOOLEAN       NOT NULL DEFAULT FALSE,
    counterpart_reference VARCHAR(50)   NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    submitted_at          DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_travel_application_reference UNIQUE (reference),
    CONSTRAINT fk_travel_application_applicant FOREIGN KEY (applicant_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The applicant's own list, newest first.
CREATE INDEX ix_travel_application_applicant ON travel_application (applicant_id, created_at);
-- The review queue: filter by status (and purpose), range on the planned entry date, sorted by
-- (entry_date, submitted_at, id) so that the index order is the page order (InnoDB appends the id).
CREATE INDEX ix_travel_application_status_entry ON travel_application (status, entry_date, submitted_at);
CREATE INDEX ix_travel_application_purpose ON travel_application (purpose, status, entry_date, submitted_at);
CREATE INDEX ix_travel_application_entry ON travel_application (entry_date, submitted_at);
-- Name search is a prefix search, so these indexes serve it.
CREATE INDEX ix_travel_application_name_korean ON travel_application (name_korean);
CREATE INDEX ix_travel_application_name_latin ON travel_application (name_latin);

CREATE TABLE application_goods_line (
    application_id BIGINT       NOT NULL,
    line_no        INT          NOT NULL,
    description    VARCHAR(200) NOT NULL,
    quantity       INT          NOT NULL,
    value_krw      BIGINT       NOT NULL,
    PRIMARY KEY (application_id, line_no),
    CONSTRAINT fk_goods_line_application FOREIGN KEY (application_id) REFERENCES travel_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The traveller's photo, re-encoded as a bounded JPEG; kept apart so lists never load it.
CREATE TABLE application_photo (
    application_id BIGINT      NOT NULL,
    jpeg           MEDIUMBLOB  NOT NULL,
    width          INT         NOT NULL,
    height         INT         NOT NULL,
    uploaded_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (application_id),
    CONSTRAINT fk_photo_application FOREIGN KEY (application_id) REFERENCES travel_application (id)
) ENGINE=InnoDB;

-- Every status change: who, when, why. The timeline of an application.
CREATE TABLE application_status_change (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    application_id        BIGINT        NOT NULL,
    from_status           VARCHAR(30)   NULL,
    to_status             VARCHAR(30)   NOT NULL,
    changed_at            DATETIME(6)   NOT NULL,
    actor_id              BIGINT        NULL,
    actor_name            VARCHAR(100)  NULL,
    actor_role            VARCHAR(20)   NULL,
    reason                VARCHAR(1000) NULL,
    counterpart_reference VARCHAR(50)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_status_change_application FOREIGN KEY (application_id) REFERENCES travel_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_status_change_application ON application_status_change (application_id, changed_at);
