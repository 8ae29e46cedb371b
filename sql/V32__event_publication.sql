-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0.3, schema v2): every event for an
-- after-commit listener is stored in the publishing transaction and stays until the listener has finished, so a
-- mail that could not be sent is resubmitted later (notification.MailRetry). Modulith's own schema init is off.
-- Columns as in its schema-h2.sql / schema-mariadb.sql, in the subset both H2 (MySQL mode) and MariaDB 10.11 accept:
-- the name is upper case because Modulith queries EVENT_PUBLICATION and MariaDB table names are case sensitive on
-- Linux; ID is UUID (H2's driver must return java.util.UUID; MariaDB 10.7+ has the type and Connector/J reads it
-- as text); dates are DATETIME(6) in UTC (connectionTimeZone=UTC on MariaDB, TIME ZONE=UTC on H2).
-- Completed publications are deleted (spring.modulith.events.completion-mode=delete): outbound_mail is the record.
CREATE TABLE EVENT_PUBLICATION (
    ID                      UUID          NOT NULL,
    LISTENER_ID             VARCHAR(512)  NOT NULL,
    EVENT_TYPE              VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT        VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE        DATETIME(6)   NOT NULL,
    COMPLETION_DATE         DATETIME(6)   NULL,
    STATUS                  VARCHAR(20)   NULL,
    COMPLETION_ATTEMPTS     INT           NULL,
    LAST_RESUBMISSION_DATE  DATETIME(6)   NULL,
    PRIMARY KEY (ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX ON EVENT_PUBLICATION (COMPLETION_DATE);

-- The mail of one status change is stored once (event_key: application, new status, time of the change) and sent
-- by one attempt at a time: claimed_at is when the current attempt took it (a claim older than the lease is one
-- whose instance died). Rows from before V32 keep NULL in both.
ALTER TABLE outbound_mail ADD COLUMN event_key VARCHAR(100) NULL;
ALTER TABLE outbound_mail ADD COLUMN claimed_at DATETIME(6) NULL;
CREATE UNIQUE INDEX ux_outbound_mail_event ON outbound_mail (event_key);
