-- The slots a trip asks for: northbound (출경) on its entry date, southbound (입경) on its return date, by the
-- schedule's key (N-2026-12-03-0830). Chosen on the draft; seats are held in them at submission (slot_booking).
ALTER TABLE travel_application ADD COLUMN northbound_slot VARCHAR(20) NULL;
ALTER TABLE travel_application ADD COLUMN southbound_slot VARCHAR(20) NULL;
