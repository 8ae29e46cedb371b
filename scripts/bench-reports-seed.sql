-- Seeds, after scripts/bench-review-queue-seed.sql (100,000 applications), what /reports and the home pages read,
-- for scripts/bench-reports.sh: 1,000,000 crossing-log rows over the last 365 days (both gates, both directions, 8%
-- refused, 2% vehicles; each pass goes north and back south, so the monthly report has stays), the officers'
-- decisions on the submitted applications, a year of slots, 20,000 consents, the staff accounts, 2,000 people
-- across, scanner devices and 3,000 trips whose goods went north. MariaDB only (the SEQUENCE engine's seq_1_to_N).

INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, gate, lane,
        operator_name, result, reason, is_override, holder_name_korean, driver_scan_id)
SELECT CONCAT('bench-', seq), CONCAT('bench-pass-', (seq DIV 2) % 50000), 1 + seq % 100000, at, at,
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

-- The staff's home pages: their accounts (the officer's password), who is across (a fifth in transit, one in 40 a
-- vehicle, some past their pass), scanner devices, and goods checked northbound on 3,000 trips with a line to come
-- back each (the trips' log rows say whether they got back south).
INSERT INTO user_account (email, display_name, password_hash, role, language, enabled, failed_logins, created_at)
SELECT CONCAT('bench-', LOWER(r), '@bench.test'), r, '$2a$11$UozueZZR.2LlmIY2CE.6.OjSzPdBXEsA1/q0NhBljxt13GEzH.Ylu',
       r, 'ko', TRUE, 0, UTC_TIMESTAMP(6)
FROM (SELECT 'CHECKPOINT' AS r UNION ALL SELECT 'SUPERVISOR' UNION ALL SELECT 'ADMIN') roles;

INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, since, visits, lane, valid_until, position,
        last_gate, last_direction, crossings, vehicle)
SELECT CONCAT('bench-pass-', seq), 1 + seq * 37, '벤치', UTC_TIMESTAMP(6) - INTERVAL seq MINUTE, 1, '1',
       UTC_TIMESTAMP(6) + INTERVAL CAST(seq % 100 AS SIGNED) - 5 HOUR, IF(seq % 5 = 0, 'IN_TRANSIT', 'INSIDE'),
       IF(seq % 5 = 0, 'DORASAN', 'KAESONG'), 'NORTHBOUND', 1, seq % 40 = 0
FROM seq_1_to_2000;

INSERT INTO checkpoint_device (name, token_hash, created_at)
SELECT CONCAT('bench-device-', seq), SHA2(CONCAT('bench-device-', seq), 256), UTC_TIMESTAMP(6) FROM seq_1_to_20;

INSERT INTO goods_check (application_id, direction, scan_id, gate, checked_at, checked_by, checked_by_name)
SELECT l.application_id, 'NORTHBOUND', l.scan_id, l.gate, l.scanned_at, (SELECT MIN(id) FROM user_account), '벤치'
FROM seq_1_to_3000 s JOIN crossing_log l ON l.scan_id = CONCAT('bench-', s.seq * 4);
INSERT INTO application_goods_line (application_id, line_no, description, quantity, value_krw, category_code,
        permit_number, comes_back)
SELECT c.application_id, n.seq, IF(n.seq = 0, '회의 자료', '측정 장비'), 1, 10000, NULL, NULL, n.seq = 1
FROM goods_check c CROSS JOIN seq_0_to_1 n;

ANALYZE TABLE crossing_log, application_status_change, slot, slot_consent, manifest_version, pass_presence,
  goods_check, application_goods_line;
