-- Watch list for people (issue 17): kept by ADMIN at /admin/watchlist. The ID document number is never stored,
-- only its keyed hash (system/IdentityHash, the same HMAC as travel_application.id_number_hash), so an exact match
-- is one index look-up.
CREATE TABLE watch_list_entry (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name_korean VARCHAR(100) NULL,
    name_latin VARCHAR(100) NULL,
    date_of_birth DATE NULL,
    id_number_hash VARCHAR(64) NULL,
    reason VARCHAR(500) NOT NULL,
    source VARCHAR(200) NOT NULL,
    listed_since DATE NOT NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ix_watch_list_entry_id_hash ON watch_list_entry (id_number_hash);

-- Screening (issue 17): a possible match of an application with an entry, raised once per pair. OPEN holds the
-- application (travel_application.watchlist_hold) until an officer clears it with a reason or refuses the
-- application; a CLEARED pair is never raised again.
CREATE TABLE screening_match (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    entry_id BIGINT NOT NULL,
    id_number_match BOOLEAN NOT NULL,
    traveller_reading VARCHAR(200) NULL,
    listed_reading VARCHAR(200) NULL,
    similarity DOUBLE NULL,
    same_birth_date BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    raised_at DATETIME(6) NOT NULL,
    cleared_reason VARCHAR(500) NULL,
    cleared_by VARCHAR(40) NULL,
    cleared_at DATETIME(6) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_screening_match UNIQUE (application_id, entry_id)
);
CREATE INDEX ix_screening_match_entry ON screening_match (entry_id, status);
ALTER TABLE travel_application ADD COLUMN watchlist_hold BOOLEAN NOT NULL DEFAULT FALSE;
