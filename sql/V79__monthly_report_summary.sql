-- The monthly report (issue 19) with 1,000,000 log rows: its crossings by organisation and purpose and its stays
-- read each log row of the month (the stays one lookup of the latest entry per exit, 1.2 s a month on MariaDB), so
-- report.CrossingDays keeps them per KST day beside crossing_day, for the days crossing_day_coverage names; the
-- report reads the other days (today, the current month's rest) from the log. Organisation and purpose stay when
-- an application is anonymised (ApplicationRetention), so a day's figures do not change after it is summed.
CREATE TABLE crossing_day_group (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    day           DATE          NOT NULL,
    organisation  VARCHAR(100)  NULL,
    purpose       VARCHAR(30)   NULL,
    northbound    INT           NOT NULL,
    southbound    INT           NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_crossing_day_group_day ON crossing_day_group (day);

-- The visits that ended on the day (southbound at the zone gate after an entry) and their length, summed.
CREATE TABLE visit_day (
    day           DATE    NOT NULL,
    visits        INT     NOT NULL,
    stay_seconds  BIGINT  NOT NULL,
    PRIMARY KEY (day)
) ENGINE=InnoDB;

-- The job's next run fills all three tables from the log afresh (the new ones are empty yet).
DELETE FROM crossing_day_coverage;

-- Overrides of a month: from the index alone instead of every log row of the month.
CREATE INDEX ix_crossing_log_report_overrides ON crossing_log (is_override, scanned_at, direction);
