-- The crossing schedule: a weekly timetable of slots per direction with caps on people and vehicles, closed days,
-- and the slots of a date once something happened to them (a seat held, a one-off change). A date's slots are
-- the timetable's for its weekday until then; from then on its rows are the slots of that date.

CREATE TABLE slot_timetable (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    direction     VARCHAR(10)  NOT NULL,   -- NORTHBOUND (출경) or SOUTHBOUND (입경)
    day_of_week   TINYINT      NOT NULL,   -- ISO: 1 Monday .. 7 Sunday
    departs_at    TIME         NOT NULL,   -- at the first gate of the route, KST
    people_cap    INT          NOT NULL,
    vehicle_cap   INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_slot_timetable UNIQUE (direction, day_of_week, departs_at)
) ENGINE=InnoDB;

CREATE TABLE closed_day (
    day           DATE          NOT NULL,
    reason        VARCHAR(200)  NOT NULL,
    PRIMARY KEY (day)
) ENGINE=InnoDB;

CREATE TABLE slot (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    direction        VARCHAR(10)  NOT NULL,
    slot_date        DATE         NOT NULL,
    departs_at       TIME         NOT NULL,
    people_cap       INT          NOT NULL,
    vehicle_cap      INT          NOT NULL,
    people_booked    INT          NOT NULL DEFAULT 0,
    vehicles_booked  INT          NOT NULL DEFAULT 0,
    cancelled        BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uq_slot UNIQUE (direction, slot_date, departs_at),
    CONSTRAINT ck_slot_people CHECK (people_booked >= 0 AND people_booked <= people_cap),
    CONSTRAINT ck_slot_vehicles CHECK (vehicles_booked >= 0 AND vehicles_booked <= vehicle_cap)
) ENGINE=InnoDB;

-- A traveller's seat: one per trip and direction. late: added by an officer after the list closed.
CREATE TABLE slot_booking (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    slot_id         BIGINT        NOT NULL,
    application_id  BIGINT        NOT NULL,
    direction       VARCHAR(10)   NOT NULL,
    vehicles        INT           NOT NULL,
    late_reason     VARCHAR(500)  NULL,
    booked_at       TIMESTAMP     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_slot_booking UNIQUE (application_id, direction),
    CONSTRAINT fk_slot_booking_slot FOREIGN KEY (slot_id) REFERENCES slot (id)
) ENGINE=InnoDB;
CREATE INDEX ix_slot_booking_slot ON slot_booking (slot_id);

-- The office's starting timetable, every day of the week: northbound 08:30, 10:00, 14:00; southbound 12:00,
-- 16:00, 17:30; 40 people and 20 vehicles each. ADMIN changes it at /admin/schedule.
INSERT INTO slot_timetable (direction, day_of_week, departs_at, people_cap, vehicle_cap)
SELECT d.direction, w.day_of_week, d.departs_at, 40, 20
FROM (SELECT 'NORTHBOUND' AS direction, TIME '08:30:00' AS departs_at
      UNION ALL SELECT 'NORTHBOUND', TIME '10:00:00'
      UNION ALL SELECT 'NORTHBOUND', TIME '14:00:00'
      UNION ALL SELECT 'SOUTHBOUND', TIME '12:00:00'
      UNION ALL SELECT 'SOUTHBOUND', TIME '16:00:00'
      UNION ALL SELECT 'SOUTHBOUND', TIME '17:30:00') d
CROSS JOIN (SELECT 1 AS day_of_week UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) w;
