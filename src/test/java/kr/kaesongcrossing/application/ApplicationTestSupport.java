package kr.kaesongcrossing.application;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.apply.ApplicationService;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.DemoApplications;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.application.review.ReviewService;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Full-stack tests of the application module on the real database (H2 by default, MariaDB with KC_TEST_DB=mysql).
 * Every test makes its own accounts (unique emails) and its own applications.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApplicationTestSupport {

    protected static final PhotoProcessor.Photo PHOTO = DemoApplications.demoPhoto();
    protected static final Cookie ENGLISH = new Cookie("KCLANG", "en");

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ApplicationService applications;
    @Autowired
    protected ReviewService reviews;
    @Autowired
    protected TravelApplicationRepository repository;
    @Autowired
    protected TestAccounts accounts;
    @Autowired
    protected Slots slots;

    protected AccountPrincipal account(Role role) {
        return account(role, "ko");
    }

    protected AccountPrincipal account(Role role, String language) {
        String name = role == Role.CIVILIAN ? "신청인" : "직원" + ThreadLocalRandom.current().nextInt(1000);
        return accounts.create(role, language, name);
    }

    protected static LocalDate today() {
        return LocalDate.now(OfficeTime.ZONE);
    }

    /** A unique Hangul name (so that a name search finds only this test's applications). */
    protected static String uniqueKoreanName() {
        StringBuilder name = new StringBuilder("테");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 5; i++) {
            name.append((char) (0xAC00 + random.nextInt(11172)));
        }
        return name.toString();
    }

    /**
     * A trip's details with slots that have room on its dates (no vehicle). Many tests share the database and the
     * schedule's caps (40 people, 20 vehicles a slot), so dates that tests do not care about are spread
     * ({@link #someEntryDate()}) and the first slot of a date with room is taken.
     */
    protected TripDetails details(String nameKorean, LocalDate entry, LocalDate ret, Purpose purpose) {
        return new TripDetails(nameKorean, "TEST PERSON", LocalDate.of(1980, 1, 2), "KOR", IdDocumentType.PASSPORT,
                "M98765432", "010-0000-0000", "테스트 기관", purpose, "업무 협의", entry, ret, null, null,
                List.of(new GoodsLine("노트북", 1, 1_500_000)), slotWithRoom(TravelDirection.NORTHBOUND, entry, 0),
                slotWithRoom(TravelDirection.SOUTHBOUND, ret, 0));
    }

    /** An entry date whose lists are open (10 to 129 days ahead), spread so that tests rarely share a slot. */
    protected static LocalDate someEntryDate() {
        return today().plusDays(10 + ThreadLocalRandom.current().nextInt(120));
    }

    /** The first slot of {@code date} with room for one more traveller with {@code vehicles}; null for no date. */
    protected SlotKey slotWithRoom(TravelDirection direction, LocalDate date, int vehicles) {
        if (date == null) {
            return null;
        }
        return slots.on(date, direction).stream().filter(s -> s.fits(vehicles)).map(Slot::key).findFirst()
                .orElseThrow(() -> new IllegalStateException("no slot with room on " + date + " " + direction));
    }

    /** A submitted application of {@code applicant}, created through the service. */
    protected long submitted(AccountPrincipal applicant) {
        return submitted(applicant, uniqueKoreanName(), someEntryDate(), Purpose.TALKS);
    }

    protected long submitted(AccountPrincipal applicant, String name, LocalDate entry, Purpose purpose) {
        return applications.create(applicant, details(name, entry, entry.plusDays(2), purpose), PHOTO, true);
    }

    protected long awaitingConsent(AccountPrincipal applicant, AccountPrincipal officer, LocalDate entry) {
        long id = submitted(applicant, uniqueKoreanName(), entry, Purpose.TALKS);
        reviews.approve(id, version(id), Actor.of(officer));
        return id;
    }

    protected long version(long id) {
        return repository.findById(id).orElseThrow().getVersion();
    }

    protected ApplicationStatus statusOf(long id) {
        return repository.findById(id).orElseThrow().getStatus();
    }

    /**
     * The application form filled in correctly, with {@code overrides} (name, value, name, value...) replacing
     * or adding fields; ready for a photo and an action.
     */
    protected MockMultipartHttpServletRequestBuilder filledForm(String url, AccountPrincipal applicant,
            String... overrides) {
        LocalDate entry = someEntryDate();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nameKorean", "홍길동");
        fields.put("nameLatin", "Hong Gildong");
        fields.put("dateOfBirth", "1979-05-06");
        fields.put("nationality", "KOR");
        fields.put("idDocumentType", "PASSPORT");
        fields.put("idNumber", "m55554444");
        fields.put("phone", "010-9876-5432");
        fields.put("organisation", "개성협력재단");
        fields.put("purpose", "ECONOMIC_COOPERATION");
        fields.put("purposeDetail", "공장 설비 점검");
        fields.put("entryDate", entry.toString());
        fields.put("returnDate", entry.plusDays(3).toString());
        fields.put("vehiclePlate", "12가3456");
        fields.put("vehicleType", "TRUCK");
        fields.put("goods[0].description", "회의 자료");
        fields.put("goods[0].quantity", "2");
        fields.put("goods[0].valueKrw", "300000");
        fields.put("goods[0].categoryCode", "HS49");
        fields.put("goods[0].comesBack", "false");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        // Slots that have room on the dates as finally filled in, unless the test chose (or left out) its own.
        int vehicles = fields.get("vehiclePlate") == null || fields.get("vehiclePlate").isBlank() ? 0 : 1;
        fields.putIfAbsent("northboundSlot", slotText(TravelDirection.NORTHBOUND, fields.get("entryDate"), vehicles));
        fields.putIfAbsent("southboundSlot", slotText(TravelDirection.SOUTHBOUND, fields.get("returnDate"), vehicles));
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        fields.forEach((name, value) -> request.param(name, value));
        return (MockMultipartHttpServletRequestBuilder) request.with(signedIn(applicant)).with(csrf());
    }

    private String slotText(TravelDirection direction, String date, int vehicles) {
        try {
            return slotWithRoom(direction, LocalDate.parse(date), vehicles).toString();
        } catch (RuntimeException e) {
            return ""; // no valid date, or none with room: the test is about something else
        }
    }

    protected static MockMultipartFile photo(byte[] content) {
        return new MockMultipartFile("photo", "photo.jpg", "image/jpeg", content);
    }

    protected long applicationCount(AccountPrincipal applicant) {
        return jdbc.queryForObject("select count(*) from travel_application where applicant_id = ?", Long.class,
                applicant.id());
    }

    protected long latestApplication(AccountPrincipal applicant) {
        return jdbc.queryForObject("select max(id) from travel_application where applicant_id = ?", Long.class,
                applicant.id());
    }
}
