-- Group trips (issue 15): a coordinator files one application for several of the organisation's people. Each
-- traveller still has their own travel_application (own pass, manifest line, consent, seats); the group has one
-- reference and one timeline. group_lead marks the one member that stands for the group in the review queue.
CREATE TABLE trip_group (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    reference        VARCHAR(20)   NOT NULL,
    organisation_id  BIGINT        NOT NULL,
    coordinator_id   BIGINT        NOT NULL,
    purpose          VARCHAR(30)   NOT NULL,
    purpose_detail   VARCHAR(1000) NOT NULL,
    entry_date       DATE          NOT NULL,
    return_date      DATE          NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_trip_group_reference UNIQUE (reference),
    CONSTRAINT fk_trip_group_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_trip_group_coordinator FOREIGN KEY (coordinator_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_trip_group_organisation ON trip_group (organisation_id, created_at);

-- The group's timeline: filed, and each officer's decision on its members (who, when, how many each way).
CREATE TABLE trip_group_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    group_id    BIGINT        NOT NULL,
    at          DATETIME(6)   NOT NULL,
    actor_id    BIGINT        NOT NULL,
    actor_name  VARCHAR(100)  NOT NULL,
    action      VARCHAR(30)   NOT NULL,
    detail      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_trip_group_event_group FOREIGN KEY (group_id) REFERENCES trip_group (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_trip_group_event_group ON trip_group_event (group_id, at);

ALTER TABLE travel_application ADD COLUMN group_id BIGINT NULL;
ALTER TABLE travel_application ADD COLUMN group_lead BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE travel_application ADD CONSTRAINT fk_application_trip_group FOREIGN KEY (group_id) REFERENCES trip_group (id);
CREATE INDEX ix_application_group ON travel_application (group_id);
