-- Listed after approval (issue 17): the review queue lists the trips with a pass that screening holds
-- (travel_application.watchlist_hold) on every load; the few held rows are found without reading the table.
CREATE INDEX ix_travel_application_watchlist_hold ON travel_application (watchlist_hold, status);
