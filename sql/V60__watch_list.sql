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
