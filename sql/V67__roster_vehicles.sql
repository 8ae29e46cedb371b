-- The roster counts people and vehicles apart (issue 17): a vehicle pass's presence says so.
ALTER TABLE pass_presence ADD COLUMN vehicle BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE pass_presence SET vehicle = TRUE WHERE pass_id IN (SELECT pass_id FROM pass WHERE kind = 'VEHICLE');
