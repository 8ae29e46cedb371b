-- Mail to applicants (module: notification): every message is kept with how it went out.
CREATE TABLE outbound_mail (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    recipient   VARCHAR(254)  NOT NULL,
    language    VARCHAR(5)    NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    reference   VARCHAR(20)   NULL,
    status      VARCHAR(20)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    sent_at     DATETIME(6)   NULL,
    error       VARCHAR(500)  NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outbound_mail_created ON outbound_mail (created_at);
