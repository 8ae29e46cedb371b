package kr.kaesongcrossing.application.model;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javax.imageio.ImageIO;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.manifest.Manifests;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.application.photo.PhotoRejectedException;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only, after the demo accounts: the demo civilian gets one application in each interesting state,
 * including a trip approved for travel from today (Asia/Seoul) for a week, so that the pass module issues its
 * pass; and the demo coordinators' travellers make a working day. Runs once: skipped when the demo civilian
 * already has applications.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
public class DemoApplications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

    private final JdbcTemplate jdbc;
    private final TravelApplicationRepository applications;
    private final ApplicationPhotoRepository photos;
    private final StatusEvents events;
    private final TripSeats seats;
    private final Manifests manifests;
    private final Clock clock;

    DemoApplications(JdbcTemplate jdbc, TravelApplicationRepository applications, ApplicationPhotoRepository photos,
            StatusEvents events, TripSeats seats, Manifests manifests, Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.photos = photos;
        this.events = events;
        this.seats = seats;
        this.manifests = manifests;
        this.clock = clock;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        Actor civilian = account("civilian@demo.test", Role.CIVILIAN);
        Actor officer = account("officer@demo.test", Role.OFFICER);
        if (civilian == null || officer == null) {
            log.warn("Demo accounts missing: no demo applications");
            return;
        }
        Long existing = jdbc.queryForObject("select count(*) from travel_application where applicant_id = ?",
                Long.class, civilian.accountId());
        if (existing != null && existing > 0) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = OfficeTime.today(clock);
        PhotoProcessor.Photo photo = demoPhoto();
        // first, so that the demo civilian's own mails come on top of the mail list
        workingDay(officer, today, now, photo);

        TravelApplication draft = create(civilian, now.minus(Duration.ofHours(3)), details(Purpose.TALKS,
                "연락사무소 실무 회의 참석(작성 중)", today.plusDays(10), today.plusDays(11), null, null, List.of()), null);

        TravelApplication submitted = create(civilian, now.minus(Duration.ofDays(2)), details(
                Purpose.ECONOMIC_COOPERATION, "개성공업지구 협력 업체 설비 점검 및 납품 협의",
                today.plusDays(14), today.plusDays(16), "12가3456", VehicleType.TRUCK,
                List.of(new GoodsLine("설비 점검용 공구 세트", 2, 1_200_000), new GoodsLine("교체용 부품", 40, 3_500_000))),
                photo);
        changed(submitted, submitted.submit(civilian, now.minus(Duration.ofDays(2))));

        TravelApplication informationRequested = create(civilian, now.minus(Duration.ofDays(5)), details(
                Purpose.HUMANITARIAN_AID, "인도적 지원 물자 전달 현장 확인", today.plusDays(20), today.plusDays(22), null,
                null, List.of(new GoodsLine("의약품(해열제)", 500, 2_000_000, "HS30", null, false))), photo);
        changed(informationRequested, informationRequested.submit(civilian, now.minus(Duration.ofDays(5))));
        changed(informationRequested, informationRequested.requestInformation(officer,
                "지원 물자를 받는 기관의 이름과 담당자 연락처를 방문 목적 상세에 적어 주십시오.",
                now.minus(Duration.ofDays(1))));

        TravelApplication awaiting = create(civilian, now.minus(Duration.ofDays(4)), details(Purpose.SOCIAL_CULTURAL,
                "남북 공동 문화 행사 준비 회의", today.plusDays(5), today.plusDays(6), null, null, List.of()), photo);
        changed(awaiting, awaiting.submit(civilian, now.minus(Duration.ofDays(4))));
        changed(awaiting, awaiting.approve(officer, true, now.minus(Duration.ofDays(1))));

        TravelApplication approved = create(civilian, now.minus(Duration.ofDays(8)), details(Purpose.TALKS,
                "남북공동연락사무소 정례 실무 협의", today, today.plusDays(7), null, null,
                List.of(new GoodsLine("회의 자료(인쇄물)", 1, 50_000, "HS49", null, true))), photo);
        changed(approved, approved.submit(civilian, now.minus(Duration.ofDays(8))));
        changed(approved, approved.approve(officer, true, now.minus(Duration.ofDays(6))));
        changed(approved, approved.recordConsent(officer, "NK-" + today.getYear() + "-0412",
                now.minus(Duration.ofDays(4))));
        for (TravelApplication trip : List.of(submitted, informationRequested, awaiting, approved)) {
            holdSeats(trip);
        }
        consentSlots(approved, officer, "NK-" + today.getYear() + "-0412", now.minus(Duration.ofDays(4)), today, null);
        applications.flush();
        log.info("Demo applications created: {}, {}, {}, {}, {}", draft.getReference(), submitted.getReference(),
                informationRequested.getReference(), awaiting.getReference(), approved.getReference());
    }

    /** The demo working day's organisations; the coordinator {@code coordinator<n>@demo.test} applied for each. */
    private static final String[] ORGANISATIONS = {"개성협력재단", "남북경협지원센터", "한국전력 개성지사", "통일의료봉사단"};

    private static final String[][] TRAVELLERS = {
        {"이도현", "LEE DOHYEON"}, {"박서윤", "PARK SEOYUN"}, {"최준호", "CHOI JUNHO"}, {"정유나", "JEONG YUNA"},
        {"강민재", "KANG MINJAE"}, {"조은서", "JO EUNSEO"}, {"윤태민", "YUN TAEMIN"}, {"장하린", "JANG HARIN"},
        {"임지호", "LIM JIHO"}, {"한소율", "HAN SOYUL"}, {"오승현", "OH SEUNGHYEON"}, {"서지안", "SEO JIAN"},
        {"신동욱", "SHIN DONGUK"}, {"권나연", "KWON NAYEON"}, {"황재원", "HWANG JAEWON"}, {"안수빈", "AN SUBIN"},
        {"송현우", "SONG HYEONU"}, {"류가은", "RYU GAEUN"}, {"전민혁", "JEON MINHYEOK"}, {"홍예린", "HONG YERIN"},
        {"고경민", "KO GYEONGMIN"}, {"문채윤", "MUN CHAEYUN"}, {"양준서", "YANG JUNSEO"}, {"손다인", "SON DAIN"},
        {"배성호", "BAE SEONGHO"}, {"백지윤", "BAEK JIYUN"}, {"허민석", "HEO MINSEOK"}, {"유서아", "YU SEOA"},
        {"남궁현", "NAMGUNG HYEON"}, {"노하람", "NO HARAM"}, {"심재희", "SIM JAEHUI"}, {"곽예지", "KWAK YEJI"},
        {"성우진", "SEONG UJIN"}, {"차은우", "CHA EUNU"}, {"주시현", "JU SIHYEON"}, {"구민아", "KU MINA"}};

    /**
     * A working day around today (KST): 36 travellers of four organisations, approved for travel, with seats in
     * the slots of yesterday, today and tomorrow. By their dates the checkpoint's demo puts those who entered
     * before today inside the zone (one of them on the road back, one overdue since yesterday); today's 14:00
     * northbound list was sent to the North. Lists of today and tomorrow are closed by the cut-off already.
     */
    private void workingDay(Actor officer, LocalDate today, Instant now, PhotoProcessor.Photo photo) {
        SlotKey sent = new SlotKey(TravelDirection.NORTHBOUND, today, LocalTime.of(14, 0));
        for (int i = 0; i < TRAVELLERS.length; i++) {
            int org = i % ORGANISATIONS.length;
            Actor coordinator = account("coordinator" + (org + 1) + "@demo.test", Role.CIVILIAN);
            if (coordinator == null) {
                log.warn("Demo coordinators missing: no demo working day");
                return;
            }
            // entered yesterday, back tomorrow (10) or today (8); entering today at 14:00 (10) or tomorrow (7);
            // one entered three days ago and was due back yesterday
            LocalDate entry = i < 18 ? today.minusDays(1) : i < 28 ? today : i < 35 ? today.plusDays(1)
                    : today.minusDays(3);
            LocalDate back = i < 10 ? today.plusDays(1) : i < 18 ? today : i < 28 ? today.plusDays(2)
                    : i < 35 ? today.plusDays(2) : today.minusDays(1);
            LocalTime north = i < 10 || i >= 28 ? LocalTime.of(8, 30) : i < 18 ? LocalTime.of(10, 0)
                    : LocalTime.of(14, 0);
            LocalTime south = i < 10 || i == 35 ? LocalTime.of(16, 0) : i < 18 ? LocalTime.of(17, 30)
                    : LocalTime.of(12, 0);
            Instant submittedAt = now.minus(Duration.ofDays(12));
            TravelApplication trip = create(coordinator, submittedAt, new TripDetails(TRAVELLERS[i][0],
                    TRAVELLERS[i][1], LocalDate.of(1970 + i, 1 + i % 12, 1 + i % 28), "KOR",
                    IdDocumentType.PASSPORT, String.format("M%08d", 20_000_000 + i), "010-2000-" + (1000 + i),
                    ORGANISATIONS[org], Purpose.ECONOMIC_COOPERATION, ORGANISATIONS[org] + " 현장 업무", entry, back,
                    i % 9 == 0 ? String.format("%02d다%04d", 10 + i, 1000 + i) : null,
                    i % 9 == 0 ? VehicleType.VAN : null, List.of(),
                    new SlotKey(TravelDirection.NORTHBOUND, entry, north),
                    new SlotKey(TravelDirection.SOUTHBOUND, back, south)), photo);
            changed(trip, trip.submit(coordinator, submittedAt));
            changed(trip, trip.approve(officer, true, submittedAt.plus(Duration.ofDays(2))));
            String consent = String.format("NK-%d-%04d", today.getYear(), 500 + i);
            changed(trip, trip.recordConsent(officer, consent, submittedAt.plus(Duration.ofDays(4))));
            holdSeats(trip);
            consentSlots(trip, officer, consent, submittedAt.plus(Duration.ofDays(4)), today, sent);
        }
        applications.flush();
        manifests.markSent(sent, manifests.record(sent, officer), officer);
        log.info("Demo working day created: {} travellers, manifest of {} sent", TRAVELLERS.length, sent);
    }

    private TravelApplication create(Actor civilian, Instant at, TripDetails details, PhotoProcessor.Photo photo) {
        TravelApplication application = applications.save(TravelApplication.draft(civilian.accountId(), civilian, at));
        application.assignReference(OfficeTime.dateOf(at).getYear());
        application.update(details, at);
        if (photo != null) {
            photos.save(new ApplicationPhoto(application.getId(), photo, at));
            application.photoAttached(at);
        }
        return application;
    }

    /**
     * The demo trips were submitted days ago, when their lists were still open: their seats are held as an officer
     * would (a list closed by now marks the seat late, with this reason).
     */
    private void holdSeats(TravelApplication trip) {
        for (TravelDirection direction : TravelDirection.values()) {
            seats.holdForOfficer(trip, trip.slot(direction), "데모: 명단 마감 전에 신청된 여행");
        }
    }

    /**
     * The North's consent for the trip's slots up to today, as the slot pages record it (with gate checks on, a
     * traveller crosses northbound only in a slot the North consented to); none yet for {@code awaited}, whose
     * list was just sent, nor for later slots, whose lists are closed but not yet sent.
     */
    private void consentSlots(TravelApplication trip, Actor officer, String reference, Instant at, LocalDate today,
            SlotKey awaited) {
        for (TravelDirection direction : TravelDirection.values()) {
            if (trip.slot(direction).date().isAfter(today) || trip.slot(direction).equals(awaited)) {
                continue;
            }
            jdbc.update("INSERT INTO slot_consent (slot, application_id, counterpart_reference, recorded_at, "
                    + "recorded_by_id, recorded_by_name) VALUES (?, ?, ?, ?, ?, ?)", trip.slot(direction).toString(),
                    trip.getId(), reference, Timestamp.from(at), officer.accountId(), officer.name());
        }
    }

    private void changed(TravelApplication application, StatusChange change) {
        events.changed(application, change);
    }

    private static TripDetails details(Purpose purpose, String detail, LocalDate entry, LocalDate ret, String plate,
            VehicleType vehicleType, List<GoodsLine> goods) {
        return new TripDetails("김민준", "KIM MINJUN", LocalDate.of(1985, 4, 12), "KOR", IdDocumentType.PASSPORT,
                "M12345678", "010-1234-5678", "개성협력재단", purpose, detail, entry, ret, plate, vehicleType, goods,
                new SlotKey(TravelDirection.NORTHBOUND, entry, LocalTime.of(10, 0)),
                new SlotKey(TravelDirection.SOUTHBOUND, ret, LocalTime.of(16, 0)));
    }

    private Actor account(String email, Role role) {
        return jdbc.query("select id, display_name from user_account where email = ?",
                rs -> rs.next() ? new Actor(rs.getLong(1), rs.getString(2), role) : null, email);
    }

    /** A drawn portrait (no real face): head and shoulders on a pale background. */
    public static PhotoProcessor.Photo demoPhoto() {
        BufferedImage image = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0xE8, 0xEF, 0xF7), 0, 400, new Color(0xC9, 0xD8, 0xEA)));
            g.fillRect(0, 0, 300, 400);
            g.setColor(new Color(0x2F, 0x3E, 0x56));
            g.fill(new RoundRectangle2D.Double(40, 290, 220, 160, 120, 120));
            g.setColor(new Color(0xF1, 0xC2, 0x9B));
            g.fill(new RoundRectangle2D.Double(128, 240, 44, 60, 20, 20));
            g.fill(new Ellipse2D.Double(85, 95, 130, 160));
            g.setColor(new Color(0x2B, 0x22, 0x1C));
            g.fill(new Ellipse2D.Double(85, 80, 130, 80));
            g.setColor(new Color(0x33, 0x33, 0x33));
            g.fill(new Ellipse2D.Double(120, 165, 12, 9));
            g.fill(new Ellipse2D.Double(168, 165, 12, 9));
            g.setStroke(new BasicStroke(3f));
            g.drawArc(130, 200, 40, 22, 200, 140);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new PhotoProcessor(5L * 1024 * 1024).process(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PhotoRejectedException e) {
            throw new IllegalStateException("demo photo rejected: " + e.code(), e);
        }
    }
}
