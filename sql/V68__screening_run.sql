-- How far the last complete screening run got (issue 17): a list change commits before its screening, which runs in
-- chunks, so an instance stopping in between is caught up by a job that screens again while the list has an entry
-- newer than this. The entries listed so far were screened when they were added.
CREATE TABLE screening_run (
    id                INT         NOT NULL,
    screened_through  BIGINT      NOT NULL,
    completed_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO screening_run (id, screened_through, completed_at)
SELECT 1, COALESCE(MAX(id), 0), CURRENT_TIMESTAMP FROM watch_list_entry;
