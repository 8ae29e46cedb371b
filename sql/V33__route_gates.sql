-- Gates along the route: each scan names its gate, directions are NORTHBOUND (출경) / SOUTHBOUND (입경), and each
-- pass holder's position is south, in transit between two gates, or inside the zone. Before this, the only gate
-- was the zone gate (KAESONG).

ALTER TABLE crossing_log MODIFY direction VARCHAR(10) NOT NULL;
UPDATE crossing_log SET direction = 'NORTHBOUND' WHERE direction = 'ENTRY';
UPDATE crossing_log SET direction = 'SOUTHBOUND' WHERE direction = 'EXIT';
ALTER TABLE crossing_log ADD COLUMN gate VARCHAR(20) NOT NULL DEFAULT 'KAESONG';
CREATE INDEX ix_crossing_log_gate_time ON crossing_log (gate, recorded_at);

-- A visit now has a northbound and a southbound row at each gate, and may pass a gate twice (back into the zone
-- from the DMZ): the guard against two acceptances from one position numbers each pass's accepted crossings
-- instead. Rows from before have no number (NULLs never collide).
ALTER TABLE crossing_log ADD COLUMN crossing_no INT NULL;
ALTER TABLE crossing_log DROP INDEX uk_crossing_log_visit;
ALTER TABLE crossing_log ADD CONSTRAINT uk_crossing_log_crossing UNIQUE (pass_id, crossing_no);

-- position: SOUTH / IN_TRANSIT / INSIDE; last_gate and last_direction: the last accepted crossing (which stretch
-- of road someone in transit is on); crossings: the last crossing_no.
ALTER TABLE pass_presence ADD COLUMN position VARCHAR(10) NOT NULL DEFAULT 'SOUTH';
ALTER TABLE pass_presence ADD COLUMN last_gate VARCHAR(20) NULL;
ALTER TABLE pass_presence ADD COLUMN last_direction VARCHAR(10) NULL;
ALTER TABLE pass_presence ADD COLUMN crossings INT NOT NULL DEFAULT 0;
UPDATE pass_presence SET position = 'INSIDE', last_gate = 'KAESONG', last_direction = 'NORTHBOUND' WHERE inside;
UPDATE pass_presence SET last_gate = 'KAESONG', last_direction = 'SOUTHBOUND' WHERE NOT inside AND visits > 0;
ALTER TABLE pass_presence DROP INDEX ix_pass_presence_inside;
ALTER TABLE pass_presence DROP COLUMN inside;
CREATE INDEX ix_pass_presence_position ON pass_presence (position, since);
