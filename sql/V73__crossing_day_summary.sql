-- /reports (issue 19): accepted crossings at the zone gate per KST day and direction (vehicles left out), so that
-- 90 days of charts do not count a quarter of a million log rows on each view. Filled by report.CrossingDays, a
-- job that recomputes the last days from the log (idempotent: delete and insert per range); the reports read the
-- days in [covered_from, covered_through] from here and any other day from the log itself.
CREATE TABLE crossing_day (
    day         DATE         NOT NULL,
    direction   VARCHAR(10)  NOT NULL,
    crossings   INT          NOT NULL,
    PRIMARY KEY (day, direction)
) ENGINE=InnoDB;

-- One row (id 1) once the job has run: the days the summary holds, those without a row had no crossings.
CREATE TABLE crossing_day_coverage (
    id               INT   NOT NULL,
    covered_from     DATE  NOT NULL,
    covered_through  DATE  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;
