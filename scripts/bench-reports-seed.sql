-- Seeds, after scripts/bench-review-queue-seed.sql (100,000 applications), what /reports reads, for
-- scripts/bench-reports.sh: 1,000,000 crossing-log rows over the last 365 days (both gates, both directions, 8%
-- refused, 2% vehicles), the officers' decisions on the submitted applications, a year of slots and 20,000 consents.
-- MariaDB only (the SEQUENCE engine's seq_1_to_N tables).

INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, gate, lane,
        operator_name, result, reason, is_override, holder_name_korean, driver_scan_id)
SELECT CONCAT('bench-', seq), CONCAT('bench-pass-', seq % 50000), 1 + seq % 100000, at, at,
       IF(seq % 2 = 0, 'NORTHBOUND', 'SOUTHBOUND'), IF(seq % 4 < 2, 'KAESONG', 'DORASAN'), '1', '벤치',
       IF(seq % 25 < 2, 'REJECTED', 'ACCEPTED'),
       IF(seq % 25 < 2, ELT(1 + seq % 5, 'EXPIRED', 'REVOKED', 'NOT_INSIDE', 'ALREADY_INSIDE', 'OUTSIDE_SLOT'), NULL),
       seq % 500 = 0, '벤치', IF(seq % 50 = 7, CONCAT('bench-', seq - 1), NULL)
FROM (SELECT seq, UTC_TIMESTAMP(6) - INTERVAL (seq * 31) % 31536000 SECOND AS at FROM seq_1_to_1000000) s;

-- The officer's decision on every application past SUBMITTED: 1 to 120 hours after its submission.
INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, actor_role)
SELECT id, 'SUBMITTED', IF(status = 'REJECTED', 'REJECTED', 'AWAITING_CONSENT'),
       submitted_at + INTERVAL (1 + id % 120) HOUR, 'OFFICER'
FROM travel_application
WHERE status IN ('AWAITING_CONSENT', 'APPROVED_FOR_TRAVEL', 'REJECTED', 'CONSENT_REFUSED')
  AND submitted_at IS NOT NULL;

INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap, people_booked)
SELECT IF(t.n < 3, 'NORTHBOUND', 'SOUTHBOUND'), CURDATE() - INTERVAL 300 DAY + INTERVAL d.seq DAY,
       ELT(1 + t.n, '08:30:00', '10:00:00', '14:00:00', '12:00:00', '16:00:00', '17:30:00'), 40, 20,
       (d.seq * 7 + t.n * 11) % 41
FROM seq_0_to_364 d CROSS JOIN (SELECT seq AS n FROM seq_0_to_5) t;

INSERT INTO manifest_version (slot, version, created_at, created_by_id, created_by_name, content, sent_at)
SELECT CONCAT('N-', DATE_FORMAT(CURDATE() - INTERVAL seq DAY, '%Y-%m-%d'), '-0830'), 1,
       UTC_TIMESTAMP() - INTERVAL seq + 3 DAY, (SELECT MIN(id) FROM user_account), '벤치', '-',
       UTC_TIMESTAMP() - INTERVAL seq + 3 DAY
FROM seq_0_to_59;
INSERT INTO slot_consent (slot, application_id, counterpart_reference, recorded_at, recorded_by_id, recorded_by_name)
SELECT CONCAT('N-', DATE_FORMAT(CURDATE() - INTERVAL seq % 60 DAY, '%Y-%m-%d'), '-0830'), seq, 'N-1',
       UTC_TIMESTAMP() - INTERVAL seq % 60 + 3 DAY + INTERVAL 1 + seq % 48 HOUR, (SELECT MIN(id) FROM user_account),
       '벤치'
FROM seq_1_to_20000;

ANALYZE TABLE crossing_log, application_status_change, slot, slot_consent, manifest_version;
