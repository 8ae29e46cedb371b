-- Vehicle passes (issue 17): a trip with a registered vehicle gets a second pass, kind VEHICLE, held by its driver
-- (the applicant), with the plate and type it was issued for. current_vehicle_for_application plays the part of
-- current_for_application for it: one live vehicle pass per trip.
ALTER TABLE pass ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'PERSON';
ALTER TABLE pass ADD COLUMN vehicle_plate VARCHAR(20) NULL;
ALTER TABLE pass ADD COLUMN vehicle_type VARCHAR(20) NULL;
ALTER TABLE pass ADD COLUMN current_vehicle_for_application BIGINT NULL;
ALTER TABLE pass ADD CONSTRAINT uk_pass_current_vehicle UNIQUE (current_vehicle_for_application);

-- A vehicle's scan at a vehicle lane names the scan of its driver's pass that went with it.
ALTER TABLE crossing_log ADD COLUMN driver_scan_id VARCHAR(64) NULL;
