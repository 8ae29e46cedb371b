-- /reports (issue 19): indexes that answer its queries from the index alone, without reading log rows.
-- Accepted crossings per day and direction at the zone gate (vehicle rows, with a driver scan, left out).
CREATE INDEX ix_crossing_log_report_crossings ON crossing_log (result, gate, scanned_at, direction, driver_scan_id);
-- Refusals by reason over a period.
CREATE INDEX ix_crossing_log_report_refusals ON crossing_log (result, scanned_at, reason);
-- Review time: the decisions of a period (from SUBMITTED to a decision).
CREATE INDEX ix_status_change_report ON application_status_change (to_status, changed_at, from_status, application_id);
-- Consent lag: the consents recorded in a period.
CREATE INDEX ix_slot_consent_recorded ON slot_consent (recorded_at, slot);
-- Average stay: each exit's latest entry before it, per pass (the monthly report).
CREATE INDEX ix_crossing_log_report_visits ON crossing_log (pass_id, direction, result, gate, scanned_at);
