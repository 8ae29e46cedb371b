-- Seeds 100,000 travel applications (20,000 of them members of 2,000 group trips of ten; 1,000 applicants, one
-- officer) into a migrated, empty database
-- for scripts/bench-review-queue.sh. MariaDB only (uses the SEQUENCE engine's seq_1_to_N tables).
-- The officer logs in as bench-officer@bench.test / bench-officer-2026.

INSERT INTO user_account (email, display_name, password_hash, role, language, enabled, failed_logins, created_at)
VALUES ('bench-officer@bench.test', '심사관', '$2a$11$UozueZZR.2LlmIY2CE.6.OjSzPdBXEsA1/q0NhBljxt13GEzH.Ylu',
        'OFFICER', 'ko', TRUE, 0, UTC_TIMESTAMP(6));

INSERT INTO user_account (email, display_name, password_hash, role, language, enabled, failed_logins, created_at)
SELECT CONCAT('bench-civilian-', seq, '@bench.test'), CONCAT('신청인', seq),
       '$2a$11$UozueZZR.2LlmIY2CE.6.OjSzPdBXEsA1/q0NhBljxt13GEzH.Ylu', 'CIVILIAN', IF(seq % 5 = 0, 'en', 'ko'),
       TRUE, 0, UTC_TIMESTAMP(6)
FROM seq_1_to_1000;

SET @first_civilian = (SELECT MIN(id) FROM user_account WHERE email LIKE 'bench-civilian-%');

-- Statuses: 7% draft, 30% submitted, 5% information requested, 10% awaiting consent, 30% approved,
-- 10% rejected, 3% consent refused, 5% withdrawn. Entry dates spread over 540 days around today.
INSERT INTO travel_application (reference, applicant_id, status, version, name_korean, name_latin, date_of_birth,
        nationality, id_document_type, id_number_encrypted, phone, organisation, purpose, purpose_detail,
        id_number_hash, entry_date, return_date, vehicle_plate, vehicle_type, has_photo, counterpart_reference,
        created_at, updated_at, submitted_at)
SELECT CONCAT('KC-2026-', LPAD(seq, 6, '0')),
       @first_civilian + (seq % 1000),
       CASE WHEN b < 7 THEN 'DRAFT' WHEN b < 37 THEN 'SUBMITTED' WHEN b < 42 THEN 'INFORMATION_REQUESTED'
            WHEN b < 52 THEN 'AWAITING_CONSENT' WHEN b < 82 THEN 'APPROVED_FOR_TRAVEL' WHEN b < 92 THEN 'REJECTED'
            WHEN b < 95 THEN 'CONSENT_REFUSED' ELSE 'WITHDRAWN' END,
       1,
       CONCAT(ELT(1 + seq % 20, '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신',
                  '권', '황', '안', '송', '류', '홍'),
              ELT(1 + (seq DIV 20) % 30, '민준', '서연', '도윤', '서윤', '시우', '지우', '하준', '하윤', '주원',
                  '지유', '지호', '서현', '예준', '수아', '유준', '지민', '준우', '채원', '건우', '지윤', '현우',
                  '다은', '선우', '은서', '우진', '예은', '연우', '수빈', '정우', '소율')),
       CONCAT(ELT(1 + seq % 20, 'KIM', 'LEE', 'PARK', 'CHOI', 'JEONG', 'KANG', 'JO', 'YUN', 'JANG', 'LIM', 'HAN',
                  'OH', 'SEO', 'SHIN', 'KWON', 'HWANG', 'AN', 'SONG', 'RYU', 'HONG'), ' ',
              ELT(1 + (seq DIV 20) % 30, 'MINJUN', 'SEOYEON', 'DOYUN', 'SEOYUN', 'SIWOO', 'JIWOO', 'HAJUN', 'HAYUN',
                  'JUWON', 'JIYU', 'JIHO', 'SEOHYUN', 'YEJUN', 'SUA', 'YUJUN', 'JIMIN', 'JUNWOO', 'CHAEWON',
                  'GEONWOO', 'JIYUN', 'HYUNWOO', 'DAEUN', 'SUNWOO', 'EUNSEO', 'WOOJIN', 'YEEUN', 'YEONWOO',
                  'SUBIN', 'JUNGWOO', 'SOYUL')),
       DATE '1960-01-01' + INTERVAL (seq * 37 % 15000) DAY,
       'KOR', 'PASSPORT', 'v1:3X8Lffb/LqzraItlHCSM4FfvBfTqyk4vtxAeEVledk6JVvmrvQ==', '010-0000-0000',
       '개성협력재단',
       ELT(1 + seq * 31 % 8, 'TALKS', 'ECONOMIC_COOPERATION', 'CONSTRUCTION', 'HUMANITARIAN_AID', 'SOCIAL_CULTURAL',
           'FAMILY', 'PRESS', 'OTHER'),
       '업무 협의 및 현장 점검',
       -- 60,000 people: two in five apply twice (the duplicate check's hash index sees repeats, as in real life)
       SHA2(CONCAT('bench-person-', seq % 60000), 256),
       entry, entry + INTERVAL (seq % 10) DAY,
       IF(seq % 4 = 0, CONCAT(10 + seq % 90, '가', LPAD(seq % 10000, 4, '0')), NULL),
       IF(seq % 4 = 0, 'TRUCK', NULL),
       b >= 7,
       IF(b BETWEEN 52 AND 94, CONCAT('NK-', seq), NULL),
       created, created, IF(b < 7, NULL, created + INTERVAL 1 HOUR)
FROM (SELECT seq, (seq * 7) % 100 AS b,
             CURDATE() - INTERVAL 180 DAY + INTERVAL (seq * 7919 % 540) DAY AS entry,
             UTC_TIMESTAMP(6) - INTERVAL (seq % 400) DAY - INTERVAL (seq % 86400) SECOND AS created
      FROM seq_1_to_100000) s;

-- One timeline entry per application (its creation) and one per submission, as the app writes them.
INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, actor_id, actor_name,
        actor_role)
SELECT id, NULL, 'DRAFT', created_at, applicant_id, '신청인', 'CIVILIAN' FROM travel_application;
INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, actor_id, actor_name,
        actor_role)
SELECT id, 'DRAFT', 'SUBMITTED', submitted_at, applicant_id, '신청인', 'CIVILIAN' FROM travel_application
WHERE submitted_at IS NOT NULL;

-- 2,000 group trips of ten: the last 20,000 applications, filed by one company's coordinator (the first applicant);
-- the first member of each stands for the group in the queue.
INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at)
VALUES ('벤치 건설', 'Bench Construction', 'COMPANY', 'BENCH-0001', UTC_TIMESTAMP(6));
INSERT INTO trip_group (reference, organisation_id, coordinator_id, purpose, purpose_detail, entry_date, return_date,
        created_at)
SELECT CONCAT('KG-2026-', LPAD(seq, 6, '0')), (SELECT MAX(id) FROM organisation), @first_civilian, 'CONSTRUCTION',
       '현장 공사', CURDATE(), CURDATE() + INTERVAL 3 DAY, UTC_TIMESTAMP(6)
FROM seq_1_to_2000;
SET @first_group = (SELECT MIN(id) FROM trip_group WHERE reference LIKE 'KG-2026-%');
UPDATE travel_application SET group_id = @first_group + (CAST(SUBSTRING(reference, 9) AS UNSIGNED) - 80001) DIV 10,
       group_lead = (CAST(SUBSTRING(reference, 9) AS UNSIGNED) - 80001) % 10 = 0
WHERE CAST(SUBSTRING(reference, 9) AS UNSIGNED) > 80000;

ANALYZE TABLE travel_application, application_status_change, user_account, trip_group;
