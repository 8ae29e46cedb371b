-- Day close: a supervisor (or an administrator) signs off an office day (KST) at /checkpoint/day once its lists were
-- checked: who was due back and is still across, who crossed without a slot, the overrides and the counts. One
-- signature per day (the key refuses a second one, also when two supervisors sign at the same moment).
CREATE TABLE day_signoff (
    office_day      DATE          NOT NULL,
    signed_by       BIGINT        NOT NULL,
    signed_by_name  VARCHAR(100)  NOT NULL,
    signed_at       DATETIME(6)   NOT NULL,
    note            VARCHAR(500)  NULL,
    PRIMARY KEY (office_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
