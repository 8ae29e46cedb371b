-- The traveller's slot in the scan's direction (e.g. N-2026-12-03-0830), set when the gates judge scans by slot
-- (kc.schedule.gate-checks) and the trip has one: the station counts who of a slot has arrived at its gate.
ALTER TABLE crossing_log ADD COLUMN slot VARCHAR(20) NULL;
CREATE INDEX ix_crossing_log_slot ON crossing_log (slot, gate, direction, result);
