-- Manifests and consent per slot. A slot is named by its key's text form, e.g. N-2026-12-03-0830 (direction,
-- date, time at the first gate), as in the schedule's links: a slot's list exists before its row in `slot` does.

-- Each version of a slot's manifest as it was recorded: the list is what the North is told, so what was sent must
-- stay readable after the trips change. content: the canonical text of the list (one line per traveller and per
-- goods line, see application.manifest.Manifest), which the downloads of that version are made from.
CREATE TABLE manifest_version (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    slot             VARCHAR(20)   NOT NULL,
    version          INT           NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    created_by_id    BIGINT        NOT NULL,
    created_by_name  VARCHAR(100)  NOT NULL,
    content          MEDIUMTEXT    NOT NULL,
    sent_at          TIMESTAMP     NULL,
    sent_by_id       BIGINT        NULL,
    sent_by_name     VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_manifest_version UNIQUE (slot, version)
) ENGINE=InnoDB;

-- The counterpart consented to this trip crossing in this slot (its consent list for the slot).
CREATE TABLE slot_consent (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    slot                   VARCHAR(20)   NOT NULL,
    application_id         BIGINT        NOT NULL,
    counterpart_reference  VARCHAR(50)   NOT NULL,
    recorded_at            TIMESTAMP     NOT NULL,
    recorded_by_id         BIGINT        NOT NULL,
    recorded_by_name       VARCHAR(100)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_slot_consent UNIQUE (slot, application_id),
    CONSTRAINT fk_slot_consent_application FOREIGN KEY (application_id) REFERENCES travel_application (id)
) ENGINE=InnoDB;
CREATE INDEX ix_slot_consent_application ON slot_consent (application_id);
