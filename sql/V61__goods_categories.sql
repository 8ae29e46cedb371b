-- Goods under sanctions (issue 17): the reference list of goods categories (HS chapters and headings, plus the
-- office's own items) with their status for carrying into the North, and each goods line's category, permit
-- number and whether it comes back. Sources and choices: docs/goods-categories.md. Lines stored before this keep
-- no category (null); a submission from now on needs one (application/model/GoodsRules).
CREATE TABLE goods_category (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(20)  NOT NULL,
    hs_code     VARCHAR(20)  NULL,
    name_ko     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    basis       VARCHAR(200) NOT NULL,
    sort_order  INT          NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_goods_category_code UNIQUE (code),
    CONSTRAINT ck_goods_category_status CHECK (status IN ('ALLOWED', 'PERMIT_REQUIRED', 'PROHIBITED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE application_goods_line ADD COLUMN category_code VARCHAR(20) NULL;
ALTER TABLE application_goods_line ADD COLUMN permit_number VARCHAR(40) NULL;
ALTER TABLE application_goods_line ADD COLUMN comes_back BOOLEAN NULL;

INSERT INTO goods_category (code, hs_code, name_ko, name_en, status, basis, sort_order, updated_at) VALUES
-- Allowed: everyday goods no resolution names (food for the traveller, clothing, printed matter, medicine).
('HS04', '04', '유제품·알·꿀', 'Dairy produce, eggs, honey', 'ALLOWED', '-', 10, TIMESTAMP '2026-12-01 00:00:00'),
('HS19', '19', '곡물·밀가루 조제품(과자·빵)', 'Preparations of cereals, flour (biscuits, bread)', 'ALLOWED', '-', 20, TIMESTAMP '2026-12-01 00:00:00'),
('HS20', '20', '채소·과일 조제품', 'Preparations of vegetables and fruit', 'ALLOWED', '-', 30, TIMESTAMP '2026-12-01 00:00:00'),
('HS2202', '2202', '음료(주류 제외)', 'Non-alcoholic beverages', 'ALLOWED', '-', 40, TIMESTAMP '2026-12-01 00:00:00'),
('HS30', '30', '의약품', 'Pharmaceutical products', 'ALLOWED', '-', 50, TIMESTAMP '2026-12-01 00:00:00'),
('HS48', '48', '종이·판지 제품(사무용품)', 'Paper and paperboard articles (stationery)', 'ALLOWED', '-', 60, TIMESTAMP '2026-12-01 00:00:00'),
('HS49', '49', '인쇄물(서적·서류)', 'Printed matter (books, documents)', 'ALLOWED', '-', 70, TIMESTAMP '2026-12-01 00:00:00'),
('HS61', '61', '편직 의류', 'Knitted apparel', 'ALLOWED', '-', 80, TIMESTAMP '2026-12-01 00:00:00'),
('HS62', '62', '비편직 의류', 'Apparel, not knitted', 'ALLOWED', '-', 90, TIMESTAMP '2026-12-01 00:00:00'),
('HS64', '64', '신발', 'Footwear', 'ALLOWED', '-', 100, TIMESTAMP '2026-12-01 00:00:00'),
-- Permit required: goods the resolutions cap or exempt case by case, and materials that need a carry-out (반출)
-- approval under the Inter-Korean Exchange and Cooperation Act.
('HS10', '10', '곡물(쌀·옥수수 등)', 'Cereals (rice, maize...)', 'PERMIT_REQUIRED', 'Inter-Korean Exchange Act art. 13 (carry-out approval, aid in bulk)', 110, TIMESTAMP '2026-12-01 00:00:00'),
('HS2710', '2710', '석유 정제품', 'Refined petroleum products', 'PERMIT_REQUIRED', 'UNSCR 2397 para 5 (annual cap, notified to the 1718 Committee)', 120, TIMESTAMP '2026-12-01 00:00:00'),
('HS2709', '2709', '원유', 'Crude petroleum', 'PERMIT_REQUIRED', 'UNSCR 2397 para 4 (annual cap)', 130, TIMESTAMP '2026-12-01 00:00:00'),
('HS2711', '2711', '천연가스 응축물·액화석유가스', 'Condensates and natural gas liquids', 'PROHIBITED', 'UNSCR 2375 para 13', 140, TIMESTAMP '2026-12-01 00:00:00'),
('HS3004M', '3004', '의료기기 부품이 든 의약 세트', 'Medical kits containing instruments', 'PERMIT_REQUIRED', 'UNSCR 2397 para 25 (exemption by the 1718 Committee)', 150, TIMESTAMP '2026-12-01 00:00:00'),
('HS44', '44', '목재·목제품', 'Wood and articles of wood', 'PERMIT_REQUIRED', 'Inter-Korean Exchange Act art. 13 (carry-out approval of materials)', 160, TIMESTAMP '2026-12-01 00:00:00'),
('HS50-60', '50-60', '섬유 원단·원사', 'Textile fabrics and yarns', 'PERMIT_REQUIRED', 'Inter-Korean Exchange Act art. 13 (carry-out approval of materials)', 170, TIMESTAMP '2026-12-01 00:00:00'),
-- Prohibited by UN Security Council resolutions.
('HS84', '84', '기계류(원자로·보일러·컴퓨터 등)', 'Machinery (nuclear reactors, boilers, computers...)', 'PROHIBITED', 'UNSCR 2397 para 7', 200, TIMESTAMP '2026-12-01 00:00:00'),
('HS85', '85', '전기기기(휴대전화·전자제품 포함)', 'Electrical machinery and equipment (including phones, electronics)', 'PROHIBITED', 'UNSCR 2397 para 7', 210, TIMESTAMP '2026-12-01 00:00:00'),
('HS86', '86', '철도 차량', 'Railway vehicles', 'PROHIBITED', 'UNSCR 2397 para 7', 220, TIMESTAMP '2026-12-01 00:00:00'),
('HS87', '87', '차량(철도 제외)과 그 부품', 'Vehicles other than railway, and parts', 'PROHIBITED', 'UNSCR 2397 para 7', 230, TIMESTAMP '2026-12-01 00:00:00'),
('HS88', '88', '항공기·우주선', 'Aircraft, spacecraft', 'PROHIBITED', 'UNSCR 2397 para 7; 2270 para 8', 240, TIMESTAMP '2026-12-01 00:00:00'),
('HS89', '89', '선박', 'Ships and boats', 'PROHIBITED', 'UNSCR 2397 para 7; 2321 para 30', 250, TIMESTAMP '2026-12-01 00:00:00'),
('HS72', '72', '철강', 'Iron and steel', 'PROHIBITED', 'UNSCR 2397 para 7', 260, TIMESTAMP '2026-12-01 00:00:00'),
('HS73', '73', '철강 제품', 'Articles of iron or steel', 'PROHIBITED', 'UNSCR 2397 para 7', 270, TIMESTAMP '2026-12-01 00:00:00'),
('HS74-83', '74-83', '기타 비금속과 그 제품(구리·알루미늄 등)', 'Other base metals and articles (copper, aluminium...)', 'PROHIBITED', 'UNSCR 2397 para 7', 280, TIMESTAMP '2026-12-01 00:00:00'),
('HS2701', '2701', '석탄', 'Coal', 'PROHIBITED', 'UNSCR 2371 para 8; 2321 para 26', 290, TIMESTAMP '2026-12-01 00:00:00'),
('HS93', '93', '무기·탄약', 'Arms and ammunition', 'PROHIBITED', 'UNSCR 1718 para 8(a); 2270 para 6', 300, TIMESTAMP '2026-12-01 00:00:00'),
('HS9013', '9013', '레이저·광학 기기', 'Lasers and optical appliances', 'PROHIBITED', 'UNSCR 2270 para 8 (dual use)', 310, TIMESTAMP '2026-12-01 00:00:00'),
-- Luxury goods (UNSCR 1718 para 8(a)(iii); examples listed in 2094 annex IV and 2270 annex V; the rest as in
-- the national luxury-goods lists).
('HS2208', '2208', '주류(증류주)', 'Spirits and liquor', 'PROHIBITED', 'UNSCR 1718 para 8(a)(iii) (luxury goods, national lists)', 400, TIMESTAMP '2026-12-01 00:00:00'),
('HS2204', '2204', '포도주', 'Wine', 'PROHIBITED', 'UNSCR 1718 para 8(a)(iii) (luxury goods, national lists)', 410, TIMESTAMP '2026-12-01 00:00:00'),
('HS24', '24', '담배 제품(고급)', 'Tobacco products (premium)', 'PROHIBITED', 'UNSCR 1718 para 8(a)(iii) (luxury goods, national lists)', 420, TIMESTAMP '2026-12-01 00:00:00'),
('HS71', '71', '보석·귀금속', 'Jewellery, precious stones and metals', 'PROHIBITED', 'UNSCR 2094 annex IV (luxury goods)', 430, TIMESTAMP '2026-12-01 00:00:00'),
('HS91', '91', '시계', 'Clocks and watches', 'PROHIBITED', 'UNSCR 2270 annex V (luxury goods)', 440, TIMESTAMP '2026-12-01 00:00:00'),
('HS4303', '4303', '모피 의류', 'Articles of fur', 'PROHIBITED', 'UNSCR 1718 para 8(a)(iii) (luxury goods, national lists)', 450, TIMESTAMP '2026-12-01 00:00:00'),
('HS3303', '3303', '고급 향수·화장품', 'Perfumes and premium cosmetics', 'PROHIBITED', 'UNSCR 1718 para 8(a)(iii) (luxury goods, national lists)', 460, TIMESTAMP '2026-12-01 00:00:00'),
('HS9506', '9506', '레저·스포츠 용품(고급)', 'Recreational sports equipment (premium)', 'PROHIBITED', 'UNSCR 2270 annex V (luxury goods)', 470, TIMESTAMP '2026-12-01 00:00:00'),
-- The office's own banned items (stricter than the HS chapters they fall under).
('KC-RADIO', '851762', '무전기(양방향 무선기)', 'Two-way radios', 'PROHIBITED', 'KC office rule (사무소 규정): radio transmitters', 500, TIMESTAMP '2026-12-01 00:00:00'),
('KC-BINOC', '9005', '쌍안경(10배 초과)', 'Binoculars over 10x', 'PROHIBITED', 'KC office rule (사무소 규정): optics over 10x', 510, TIMESTAMP '2026-12-01 00:00:00'),
('KC-LENS', '9002', '카메라 렌즈(160mm 초과)', 'Camera lenses over 160 mm', 'PROHIBITED', 'KC office rule (사무소 규정): lenses over 160 mm', 520, TIMESTAMP '2026-12-01 00:00:00'),
('KC-CAMERA', '9006', '카메라(렌즈 160mm 이하)', 'Cameras (lenses up to 160 mm)', 'PERMIT_REQUIRED', 'KC office rule (사무소 규정): cameras checked', 530, TIMESTAMP '2026-12-01 00:00:00'),
('KC-OTHER', NULL, '기타(위에 없는 품목)', 'Other (not listed above)', 'PERMIT_REQUIRED', 'KC office rule (사무소 규정): unlisted goods checked', 900, TIMESTAMP '2026-12-01 00:00:00');
