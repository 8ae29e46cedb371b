package kr.kaesongcrossing.application.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.model.VehicleType;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hibernate.SessionFactory;
import org.hibernate.stat.CollectionStatistics;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Slots and manifests for the North at /review/slots, and the counterpart's consent per slot. */
class ManifestWebTests extends ApplicationTestSupport {

    private static final String ID_NUMBER = "M98765432";

    @Autowired
    Slots slots;
    @Autowired
    TravelApprovals approvals;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Manifests manifests;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    AccountPrincipal civilian;
    AccountPrincipal officer;
    LocalDate submittedOn;

    @BeforeEach
    void accounts() {
        civilian = account(Role.CIVILIAN);
        officer = account(Role.OFFICER);
    }

    /** A slot of its own on {@code day} (a time no timetable has), so that only this test books in it. */
    private SlotKey slotOfOwn(LocalDate day, int people, int vehicles) {
        for (int attempt = 0; ; attempt++) {
            LocalTime time = LocalTime.of(5 + ThreadLocalRandom.current().nextInt(3),
                    ThreadLocalRandom.current().nextInt(60));
            try {
                jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) "
                        + "VALUES (?, ?, ?, ?, ?)", "NORTHBOUND", day, time, people, vehicles);
                return new SlotKey(TravelDirection.NORTHBOUND, day, time);
            } catch (DuplicateKeyException taken) {
                assertThat(attempt).as("a free time on " + day).isLessThan(50);
            }
        }
    }

    /** A date of its own, years ahead, for tests that need no "coming days". */
    private SlotKey farSlot() {
        return slotOfOwn(LocalDate.of(2045, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000)), 250, 150);
    }

    /**
     * Trips are submitted for a day years ahead, whose lists are open (submission holds the chosen seats), and then
     * put in the test's slot by an officer; this test's day, picked once, keeps within the timetable's caps.
     */
    private LocalDate submittedOn() {
        if (submittedOn == null) {
            submittedOn = LocalDate.of(2045, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        }
        return submittedOn;
    }

    private SlotKey seat(TravelDirection direction, int days) {
        return new SlotKey(direction, submittedOn().plusDays(days),
                direction == TravelDirection.NORTHBOUND ? LocalTime.of(8, 30) : LocalTime.of(12, 0));
    }

    private void hold(long id, SlotKey slot, int vehicles, String lateReason) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> slots.holdLate(id, slot, vehicles, lateReason));
    }

    /** A trip approved by the office (awaiting the counterpart's consent) holding a seat in {@code slot}. */
    private long onList(String nameKorean, String nameLatin, SlotKey slot) {
        long id = applications.create(civilian, new TripDetails(nameKorean, nameLatin, LocalDate.of(1975, 3, 4), "KOR",
                IdDocumentType.PASSPORT, ID_NUMBER, "010-0000-0000", "개성공단 기업", Purpose.TALKS, "업무 협의",
                submittedOn(), submittedOn().plusDays(2), null, null, List.of(new GoodsLine("노트북", 1, 1_500_000)),
                seat(TravelDirection.NORTHBOUND, 0), seat(TravelDirection.SOUTHBOUND, 2)), PHOTO, true);
        reviews.approve(id, version(id), Actor.of(officer));
        hold(id, slot, 0, "긴급 설비 수리");
        return id;
    }

    private long withTruck(String nameKorean, SlotKey slot) {
        long id = applications.create(civilian, new TripDetails(nameKorean, "DRIVER KIM", LocalDate.of(1970, 1, 1),
                "KOR", IdDocumentType.VISIT_CERTIFICATE, ID_NUMBER, "010-0000-0000", "물류 회사", Purpose.TALKS,
                "자재 운송", submittedOn(), submittedOn().plusDays(1), "12가3456", VehicleType.TRUCK,
                List.of(new GoodsLine("노트북", 2, 3_000_000), new GoodsLine("시멘트", 40, 400_000)),
                seat(TravelDirection.NORTHBOUND, 0), seat(TravelDirection.SOUTHBOUND, 1)), PHOTO, true);
        reviews.approve(id, version(id), Actor.of(officer));
        hold(id, slot, 1, null);
        return id;
    }

    private String page(SlotKey slot) throws Exception {
        return mvc.perform(get("/review/slots/" + slot).with(signedIn(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private void record(SlotKey slot) throws Exception {
        mvc.perform(post("/review/slots/" + slot + "/versions").with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String reference(long id) {
        return repository.findById(id).orElseThrow().getReference();
    }

    @Test
    void shouldListEverySlotOfTheComingDaysWithSeatsAndWhereItsListStands() throws Exception {
        SlotKey slot = slotOfOwn(today().plusDays(1), 37, 19);
        long trip = onList(uniqueKoreanName(), "LEE SOOJIN", slot);

        assertThat(row(slot).text()).contains("1 / 37", "0 / 19", "명단 마감");
        assertThat(rows()).anySatisfy(r -> assertThat(r.text()).contains(today().plusDays(7).toString(), "입경"));

        record(slot);
        mvc.perform(post("/review/slots/" + slot + "/versions/1/sent").with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("notice", "1판을 북측에 통보함으로 기록했습니다."));
        assertThat(row(slot).text()).contains("통보함", "(1판)");

        mvc.perform(post("/review/slots/" + slot + "/consent").param("applicationIds", String.valueOf(trip))
                .param("counterpartReference", "NK-S-1").with(signedIn(officer)).with(csrf()));
        assertThat(row(slot).text()).contains("동의 받음");
    }

    private List<Element> rows() throws Exception {
        String html = mvc.perform(get("/review/slots").with(signedIn(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("tbody tr");
    }

    private Element row(SlotKey slot) throws Exception {
        return rows().stream().filter(r -> !r.select("a[href=/review/slots/" + slot + "]").isEmpty()).findFirst()
                .orElseThrow();
    }

    @Test
    void shouldShowTheManifestWithTravellersVehiclesAndGoodsButNeverAnIdNumber() throws Exception {
        SlotKey slot = slotOfOwn(today().plusDays(2), 40, 20);
        String late = uniqueKoreanName();
        long lateTrip = onList(late, "PARK LATE", slot);
        String driver = uniqueKoreanName();
        withTruck(driver, slot);
        String undecided = uniqueKoreanName();
        long notYet = submitted(civilian, undecided, submittedOn(), Purpose.TALKS);
        hold(notYet, slot, 0, null);

        String html = page(slot);

        assertThat(html).contains(late, "PARK LATE", "1975-03-04", "개성공단 기업", "여권", "방문증명서", reference(lateTrip),
                "마감 후 추가", "긴급 설비 수리", driver, "12가3456", "화물차", driver + " (DRIVER KIM)", "시멘트",
                "4,500,000", "사무소가 아직 결정하지 않은 신청 1건");
        assertThat(html).doesNotContain(ID_NUMBER, undecided);
    }

    @Test
    void shouldLoadTheTravellersGoodsWithTheTravellersNotOneQueryEach() {
        SlotKey slot = farSlot();
        onList(uniqueKoreanName(), "LEE ONE", slot);
        withTruck(uniqueKoreanName(), slot);
        onList(uniqueKoreanName(), "LEE THREE", slot);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            CollectionStatistics goods = statistics.getCollectionStatistics(
                    TravelApplication.class.getName() + ".goods");
            long before = goods.getFetchCount();
            Manifest manifest = manifests.current(slot).manifest();

            assertThat(manifest.travellers()).hasSize(3)
                    .allSatisfy(t -> assertThat(t.goods()).extracting(GoodsLine::description).contains("노트북"));
            assertThat(goods.getFetchCount() - before).as("goods fetched one query per traveller").isZero();
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    @Test
    void shouldAnswerAKeyThatNamesNoSlotWithNotFound() throws Exception {
        for (String key : List.of("X-2026-12-03-0830", "N-2026-02-30-0830", "N-2026-12-03-2561", "N-2046-12-03-0845",
                "N-2046-12-03-0830-extra", "n-2046-12-03-0830")) {
            mvc.perform(get("/review/slots/" + key).with(signedIn(officer))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/review/slots/" + farSlot() + "/versions/7/manifest.pdf").with(signedIn(officer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldDownloadAVersionAsCsvWithBomBilingualColumnsAndHangul() throws Exception {
        SlotKey slot = farSlot();
        String name = uniqueKoreanName();
        long trip = onList(name, "=HYPERLINK(1)", slot);
        record(slot);

        byte[] bytes = mvc.perform(get("/review/slots/" + slot + "/versions/1/manifest.csv").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentType()).startsWith("text/csv"))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Disposition"))
                        .contains("attachment", "manifest-" + slot + "-v1.csv"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).doesNotContain(ID_NUMBER);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text)).getRecords();
        assertThat(records.get(0).values()).contains(slot.toString(), "1", "판 / Version");
        assertThat(records.get(1).values()).containsExactly("번호 / No.", "신청 번호 / Application no.",
                "성명(한글) / Name (Hangul)", "성명(영문) / Name (Latin)", "생년월일 / Date of birth", "소속 / Organisation",
                "신분증 종류 / ID document", "차량 번호 / Plate", "차종 / Vehicle type", "추가 등록 / Added late");
        assertThat(records.get(2).values()).containsExactly("1", reference(trip), name, "'=HYPERLINK(1)",
                "1975-03-04", "개성공단 기업", "여권 / Passport", "", "", "");
        assertThat(records).hasSize(3);
    }

    @Test
    void shouldDownloadAVersionAsABilingualPdfWithExtractableHangul() throws Exception {
        SlotKey slot = farSlot();
        String name = uniqueKoreanName();
        onList(name, "CHOI MINSEO", slot);
        withTruck(uniqueKoreanName(), slot);
        record(slot);

        byte[] pdf = mvc.perform(get("/review/slots/" + slot + "/versions/1/manifest.pdf").with(signedIn(officer)))
                .andExpect(status().isOk()).andExpect(result -> assertThat(result.getResponse().getContentType())
                        .isEqualTo(MediaType.APPLICATION_PDF_VALUE))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(name, "CHOI MINSEO", "통행 명단", "Crossing manifest", "성명(한글)",
                    "Name (Hangul)", "12가3456", "시멘트", "1판", "version 1", "한국시간");
            assertThat(text).doesNotContain(ID_NUMBER);
        }
    }

    @Test
    void shouldKeepVersionsAndShowWhatChangedSinceTheVersionSent() throws Exception {
        SlotKey slot = farSlot();
        String staying = uniqueKoreanName();
        onList(staying, "STAYS", slot);
        String leaving = uniqueKoreanName();
        long leaves = onList(leaving, "LEAVES", slot);
        assertThat(page(slot)).contains("아직 판으로 기록되지 않았습니다");
        record(slot);
        record(slot); // nothing changed: still version 1
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manifest_version WHERE slot = ?", Integer.class,
                slot.toString())).isEqualTo(1);
        mvc.perform(post("/review/slots/" + slot + "/versions/1/sent").with(signedIn(officer)).with(csrf()));
        assertThat(jdbc.queryForObject("SELECT sent_by_id FROM manifest_version WHERE slot = ?", Long.class,
                slot.toString())).isEqualTo(officer.id());

        new TransactionTemplate(transactions).executeWithoutResult(s -> slots.release(leaves));
        String joining = uniqueKoreanName();
        onList(joining, "JOINS", slot);

        String html = page(slot);
        assertThat(html).contains("1판 이후 명단이 바뀌었습니다", "추가: " + joining, "삭제: " + leaving)
                .doesNotContain("추가: " + staying, "삭제: " + staying);
        mvc.perform(post("/review/slots/" + slot + "/versions/1/sent").with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith("1판은 이미")));
        record(slot);
        mvc.perform(post("/review/slots/" + slot + "/versions/3/sent").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isNotFound());

        byte[] first = mvc.perform(get("/review/slots/" + slot + "/versions/1/manifest.csv").with(signedIn(officer)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(first, StandardCharsets.UTF_8)).contains(leaving).doesNotContain(joining);
        assertThat(page(slot)).contains("최신 2판").doesNotContain("바뀌었습니다");
    }

    @Test
    void shouldRecordTheSlotsConsentByTickingTravellers() throws Exception {
        SlotKey slot = farSlot();
        long ticked = onList(uniqueKoreanName(), "TICKED", slot);
        long other = onList(uniqueKoreanName(), "NOT TICKED", slot);
        long elsewhere = onList(uniqueKoreanName(), "ELSEWHERE", farSlot());

        mvc.perform(post("/review/slots/" + slot + "/consent").param("applicationIds", String.valueOf(ticked),
                        String.valueOf(elsewhere)).param("counterpartReference", "NK-2046-7")
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "통행자 1명의 동의를 기록했습니다."))
                .andExpect(flash().attribute("problem", "이 통행 시간대에 좌석이 없는 신청입니다."));

        assertThat(statusOf(ticked)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(statusOf(other)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(statusOf(elsewhere)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(approvals.hasConsentFor(ticked, slot)).isTrue();
        assertThat(approvals.hasConsentFor(other, slot)).isFalse();
        assertThat(approvals.hasConsentFor(ticked, farSlot())).isFalse();
        assertThat(page(slot)).contains("동의 받음");

        mvc.perform(post("/review/slots/" + slot + "/consent").param("counterpartReference", "NK-2046-7")
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("problem", "동의받은 통행자를 한 명 이상 선택하십시오."));
    }

    @Test
    void shouldImportTheSlotsConsentListFromCsv() throws Exception {
        SlotKey slot = farSlot();
        long awaiting = onList(uniqueKoreanName(), "AWAITING", slot);
        long approved = onList(uniqueKoreanName(), "APPROVED", slot);
        reviews.recordConsent(approved, version(approved), Actor.of(officer), true, "NK-EARLIER", null);
        long elsewhere = onList(uniqueKoreanName(), "ELSEWHERE", farSlot());
        String file = String.join("\n", "신청번호,결정", reference(awaiting) + ",동의", reference(approved) + ",CONSENT",
                reference(elsewhere) + ",CONSENT");

        org.springframework.test.web.servlet.MvcResult result = mvc.perform(
                        multipart("/review/slots/" + slot + "/consent/import")
                        .file(new MockMultipartFile("file", "slot.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
                        .param("listReference", "NK-SLOT-1").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String preview = result.getResponse().getContentAsString();
        assertThat(preview).contains("통행 시간대 " + slot + "의 동의 명단", "이 통행 시간대에 좌석이 없는 신청입니다.");
        assertThat(statusOf(awaiting)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        String token = Jsoup.parse(preview).selectFirst("input[name=token]").val();

        String outcome = mvc.perform(post("/review/consent/import/confirm").param("token", token)
                        .cookie(result.getResponse().getCookies())
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(outcome).contains("통행 시간대 명단으로 돌아가기");
        assertThat(statusOf(awaiting)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(statusOf(approved)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(approvals.hasConsentFor(awaiting, slot)).isTrue();
        assertThat(approvals.hasConsentFor(approved, slot)).isTrue();
        assertThat(approvals.hasConsentFor(elsewhere, slot)).isFalse();
        assertThat(jdbc.queryForObject("SELECT counterpart_reference FROM slot_consent WHERE slot = ? "
                + "AND application_id = ?", String.class, slot.toString(), awaiting)).isEqualTo("NK-SLOT-1");
    }

    @Test
    void shouldKeepSlotsAndManifestsFromEveryoneButOfficers() throws Exception {
        SlotKey slot = farSlot();
        onList(uniqueKoreanName(), "PRIVATE", slot);
        record(slot);
        for (Role role : List.of(Role.CIVILIAN, Role.CHECKPOINT, Role.SUPERVISOR, Role.ADMIN)) {
            AccountPrincipal someone = account(role);
            for (String path : List.of("/review/slots", "/review/slots/" + slot,
                    "/review/slots/" + slot + "/versions/1/manifest.csv",
                    "/review/slots/" + slot + "/versions/1/manifest.pdf")) {
                mvc.perform(get(path).with(signedIn(someone))).andExpect(status().isForbidden());
            }
            mvc.perform(post("/review/slots/" + slot + "/versions/1/sent").with(signedIn(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/review/slots/" + slot + "/versions/1/sent").with(signedIn(officer)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manifest_version WHERE slot = ? AND sent_at IS NOT NULL",
                Integer.class, slot.toString())).isZero();
    }
}
