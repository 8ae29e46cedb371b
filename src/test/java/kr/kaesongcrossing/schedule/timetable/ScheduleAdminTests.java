package kr.kaesongcrossing.schedule.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotCancelled;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The administrator's schedule pages on the real database: each change, and each refusal changing nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ScheduleAdminTests {

    private static final AtomicLong APPLICATIONS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Slots slots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEvents events;

    AccountPrincipal admin;

    @BeforeEach
    void setUp() {
        admin = accounts.create(Role.ADMIN);
    }

    /** A date of its own for each test, years ahead so no other test books in it. */
    private static LocalDate someDay() {
        return LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    private MvcResult as(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(signedIn(admin)).with(csrf())).andReturn();
    }

    /** The flash attributes as a map (a FlashMap is also Comparable, which makes assertThat ambiguous). */
    private static java.util.Map<String, Object> flash(MvcResult result) {
        return result.getFlashMap();
    }

    private String page(String path) throws Exception {
        return as(get(path)).getResponse().getContentAsString();
    }

    private long hold(SlotKey key, int vehicles) {
        long application = APPLICATIONS.incrementAndGet();
        new TransactionTemplate(transactions).executeWithoutResult(s -> slots.hold(application, key, vehicles));
        return application;
    }

    private Slot slot(SlotKey key) {
        return slots.find(key).orElseThrow();
    }

    private int timetableRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM slot_timetable", Integer.class);
    }

    @Test
    void shouldShowTheWeeklyTimetableBothWaysAndSayThatBookedDatesKeepTheirSlots() throws Exception {
        String page = page("/admin/schedule");

        assertThat(page).contains("출경", "입경", "08:30", "17:30", "인원 40명, 차량 20대", "월요일", "일요일",
                "이미 좌석이 예약된 시간대는 그 날짜의 시각과 정원을 그대로 유지합니다");
        assertThat(page("/")).contains("href=\"/admin/schedule\"");
    }

    @Test
    void shouldAddChangeAndRemoveATimetableTime() throws Exception {
        LocalDate monday = someDay().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        SlotKey key = new SlotKey(TravelDirection.SOUTHBOUND, monday, LocalTime.of(3, 17));
        try {
            MvcResult added = as(post("/admin/schedule/timetable").param("direction", "SOUTHBOUND")
                    .param("weekdays", "MONDAY", "TUESDAY").param("time", "03:17").param("peopleCap", "5")
                    .param("vehicleCap", "2"));

            assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/schedule");
            assertThat(flash(added)).containsEntry("message", "schedule.admin.added").containsEntry("count", 2);
            assertThat(slot(key).peopleCap()).isEqualTo(5);
            assertThat(slots.find(new SlotKey(TravelDirection.SOUTHBOUND, monday.plusDays(1), LocalTime.of(3, 17))))
                    .isPresent();
            assertThat(slots.find(new SlotKey(TravelDirection.SOUTHBOUND, monday.plusDays(2), LocalTime.of(3, 17))))
                    .isEmpty();

            long id = jdbc.queryForObject("SELECT id FROM slot_timetable WHERE direction = 'SOUTHBOUND' "
                    + "AND day_of_week = 1 AND departs_at = ?", Long.class, LocalTime.of(3, 17));
            as(post("/admin/schedule/timetable/" + id + "/caps").param("peopleCap", "7").param("vehicleCap", "0"));
            assertThat(slot(key)).satisfies(s -> {
                assertThat(s.peopleCap()).isEqualTo(7);
                assertThat(s.vehicleCap()).isZero();
            });

            MvcResult removed = as(post("/admin/schedule/timetable/" + id + "/remove"));
            assertThat(flash(removed)).containsEntry("message", "schedule.admin.removed");
            assertThat(slots.find(key)).isEmpty();
        } finally {
            jdbc.update("DELETE FROM slot_timetable WHERE departs_at = ?", LocalTime.of(3, 17));
        }
    }

    @Test
    void shouldKeepABookedDatesSlotWhenItsTimetableTimeChanges() throws Exception {
        LocalDate tuesday = someDay().with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        SlotKey booked = new SlotKey(TravelDirection.NORTHBOUND, tuesday, LocalTime.of(4, 41));
        try {
            as(post("/admin/schedule/timetable").param("direction", "NORTHBOUND").param("weekdays", "TUESDAY")
                    .param("time", "04:41").param("peopleCap", "9").param("vehicleCap", "9"));
            hold(booked, 1);
            long id = jdbc.queryForObject("SELECT id FROM slot_timetable WHERE departs_at = ?", Long.class,
                    LocalTime.of(4, 41));

            as(post("/admin/schedule/timetable/" + id + "/caps").param("peopleCap", "3").param("vehicleCap", "3"));
            as(post("/admin/schedule/timetable/" + id + "/remove"));

            assertThat(slot(booked)).satisfies(s -> {
                assertThat(s.peopleCap()).isEqualTo(9);
                assertThat(s.peopleBooked()).isEqualTo(1);
            });
            assertThat(slots.find(new SlotKey(TravelDirection.NORTHBOUND, tuesday.plusDays(7), LocalTime.of(4, 41))))
                    .isEmpty();
        } finally {
            jdbc.update("DELETE FROM slot_timetable WHERE departs_at = ?", LocalTime.of(4, 41));
        }
    }

    @Test
    void shouldRefuseATimeAlreadyInTheTimetableAndAddItOnNoDay() throws Exception {
        int before = timetableRows();

        MvcResult first = as(post("/admin/schedule/timetable").param("direction", "SOUTHBOUND")
                .param("weekdays", "SATURDAY", "SUNDAY").param("time", "05:55").param("peopleCap", "5")
                .param("vehicleCap", "5"));
        try {
            assertThat(flash(first)).containsEntry("message", "schedule.admin.added");
            MvcResult again = as(post("/admin/schedule/timetable").param("direction", "SOUTHBOUND")
                    .param("weekdays", "FRIDAY", "SATURDAY").param("time", "05:55").param("peopleCap", "5")
                    .param("vehicleCap", "5"));

            assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/admin/schedule");
            assertThat((String) again.getFlashMap().get("problem")).contains("토요일", "05:55");
            assertThat(timetableRows()).isEqualTo(before + 2);
        } finally {
            jdbc.update("DELETE FROM slot_timetable WHERE departs_at = ?", LocalTime.of(5, 55));
        }
    }

    @Test
    void shouldRefuseABadTimeOrCapsAndChangeNothing() throws Exception {
        int before = timetableRows();

        for (String[] bad : new String[][] {{"25:00", "5", "5"}, {"", "5", "5"}, {"07:00", "0", "5"},
            {"07:00", "5", "-1"}, {"07:00", "1000", "5"}}) {
            MvcResult result = as(post("/admin/schedule/timetable").param("direction", "NORTHBOUND")
                    .param("weekdays", "MONDAY").param("time", bad[0]).param("peopleCap", bad[1])
                    .param("vehicleCap", bad[2]));
            assertThat(result.getResponse().getStatus()).as(String.join(",", bad)).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("form-hint-invalid");
        }
        String notANumber = as(post("/admin/schedule/timetable").param("direction", "NORTHBOUND")
                .param("weekdays", "MONDAY").param("time", "07:00").param("peopleCap", "many").param("vehicleCap", "5"))
                .getResponse().getContentAsString();
        assertThat(notANumber).contains("인원 정원은 1~999 사이로 입력하십시오.");
        String noDays = as(post("/admin/schedule/timetable").param("direction", "NORTHBOUND").param("time", "07:00")
                .param("peopleCap", "5").param("vehicleCap", "5")).getResponse().getContentAsString();
        assertThat(noDays).contains("요일을 하나 이상 고르십시오.");
        assertThat(page("/admin/schedule")).doesNotContain("form-hint-invalid");

        long id = jdbc.queryForObject("SELECT MIN(id) FROM slot_timetable", Long.class);
        int cap = jdbc.queryForObject("SELECT people_cap FROM slot_timetable WHERE id = ?", Integer.class, id);
        MvcResult caps = as(post("/admin/schedule/timetable/" + id + "/caps").param("peopleCap", "0")
                .param("vehicleCap", "5"));
        assertThat((String) caps.getFlashMap().get("problem")).isEqualTo("인원 정원은 1~999 사이로 입력하십시오.");
        assertThat(jdbc.queryForObject("SELECT people_cap FROM slot_timetable WHERE id = ?", Integer.class, id))
                .isEqualTo(cap);
        assertThat(timetableRows()).isEqualTo(before);
    }

    @Test
    void shouldCloseADayCancellingItsBookedSlotsAndReopenIt() throws Exception {
        LocalDate day = someDay();
        SlotKey booked = new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(8, 30));
        long first = hold(booked, 0);
        long second = hold(booked, 1);

        MvcResult closed = as(post("/admin/schedule/closed-days").param("day", day.toString())
                .param("reason", "추석 연휴"));

        assertThat(flash(closed)).containsEntry("message", "schedule.admin.closedAndCancelled")
                .containsEntry("count", 1);
        assertThat(slots.on(day, TravelDirection.NORTHBOUND)).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(booked);
            assertThat(s.cancelled()).isTrue();
        });
        assertThat(slots.on(day, TravelDirection.SOUTHBOUND)).isEmpty();
        assertThat(events.stream(SlotCancelled.class)).singleElement()
                .isEqualTo(new SlotCancelled(booked, "추석 연휴", List.of(first, second)));
        assertThat(slots.bookingsIn(booked)).extracting(Booking::applicationId).containsExactly(first, second);
        assertThat(page("/admin/schedule")).contains(day.toString(), "추석 연휴");
        assertThat(page("/admin/schedule/day?date=" + day)).contains("통행 중단일입니다: 추석 연휴", "취소됨: 추석 연휴");

        MvcResult again = as(post("/admin/schedule/closed-days").param("day", day.toString()).param("reason", "x"));
        assertThat((String) again.getFlashMap().get("problem")).contains("이미 통행 중단일");

        MvcResult reopened = as(post("/admin/schedule/closed-days/" + day + "/reopen"));
        assertThat(flash(reopened)).containsEntry("message", "schedule.admin.reopened");
        assertThat(slots.on(day, TravelDirection.NORTHBOUND)).extracting(s -> s.key().departsAt(), Slot::cancelled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalTime.of(8, 30), true),
                        org.assertj.core.groups.Tuple.tuple(LocalTime.of(10, 0), false),
                        org.assertj.core.groups.Tuple.tuple(LocalTime.of(14, 0), false));
    }

    @Test
    void shouldRefuseToCloseADayWithoutAReasonOrInThePast() throws Exception {
        LocalDate day = someDay();

        for (String reason : new String[] {"", "   ", "가".repeat(201)}) {
            MvcResult result = as(post("/admin/schedule/closed-days").param("day", day.toString())
                    .param("reason", reason));
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("form-hint-invalid");
        }
        assertThat(as(post("/admin/schedule/closed-days").param("day", "2040-13-45").param("reason", "x"))
                .getResponse().getContentAsString()).contains("날짜를 2026-11-05와 같은 형식으로 입력하십시오.");
        MvcResult past = as(post("/admin/schedule/closed-days").param("day", "2020-01-01").param("reason", "late"));
        assertThat((String) past.getFlashMap().get("problem")).contains("지난 날짜");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM closed_day WHERE day IN (?, ?)", Integer.class, day,
                LocalDate.of(2020, 1, 1))).isZero();
        assertThat(events.stream(SlotCancelled.class)).isEmpty();
    }

    @Test
    void shouldChangeADatesCapsButNeverBelowTheSeatsHeld() throws Exception {
        LocalDate day = someDay();
        SlotKey key = new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(10, 0));
        for (int i = 0; i < 3; i++) {
            hold(key, 1);
        }

        MvcResult changed = as(post("/admin/schedule/slots/" + key + "/caps").param("peopleCap", "3")
                .param("vehicleCap", "3").param("date", day.toString()));
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/admin/schedule/day?date=" + day);
        assertThat(slot(key).seatsLeft()).isZero();

        for (String[] below : new String[][] {{"2", "3"}, {"3", "2"}}) {
            MvcResult refused = as(post("/admin/schedule/slots/" + key + "/caps").param("peopleCap", below[0])
                    .param("vehicleCap", below[1]).param("date", day.toString()));
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/schedule/day?date=" + day);
            assertThat((String) refused.getFlashMap().get("problem"))
                    .isEqualTo("변경하지 않았습니다. " + day + " 10:00 시간대에는 이미 좌석 3석과 차량 3대가 예약되어 있어 "
                            + "정원을 그보다 줄일 수 없습니다.");
        }
        assertThat(slot(key)).satisfies(s -> {
            assertThat(s.peopleCap()).isEqualTo(3);
            assertThat(s.vehicleCap()).isEqualTo(3);
        });

        SlotKey unbooked = new SlotKey(TravelDirection.SOUTHBOUND, day, LocalTime.of(16, 0));
        as(post("/admin/schedule/slots/" + unbooked + "/caps").param("peopleCap", "12").param("vehicleCap", "0"));
        assertThat(slot(unbooked).peopleCap()).isEqualTo(12);
        assertThat(slot(new SlotKey(TravelDirection.SOUTHBOUND, day.plusDays(7), LocalTime.of(16, 0))).peopleCap())
                .isEqualTo(40);

        String dayPage = page("/admin/schedule/day?date=" + day);
        assertThat(dayPage).contains("3 중 3", "12 중 0");
    }

    @Test
    void shouldAddAOneOffSlotOnADateOnly() throws Exception {
        LocalDate day = someDay();
        SlotKey key = new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(11, 45));

        MvcResult added = as(post("/admin/schedule/day/slots").param("date", day.toString())
                .param("direction", "NORTHBOUND").param("time", "11:45").param("peopleCap", "12")
                .param("vehicleCap", "3"));

        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/schedule/day?date=" + day);
        assertThat(slot(key).peopleCap()).isEqualTo(12);
        assertThat(slots.find(new SlotKey(TravelDirection.NORTHBOUND, day.plusDays(7), LocalTime.of(11, 45))))
                .isEmpty();
        hold(key, 3);

        for (String time : new String[] {"11:45", "08:30"}) {
            MvcResult refused = as(post("/admin/schedule/day/slots").param("date", day.toString())
                    .param("direction", "NORTHBOUND").param("time", time).param("peopleCap", "1")
                    .param("vehicleCap", "0"));
            assertThat((String) refused.getFlashMap().get("problem")).contains("이미 있습니다", time);
        }
        assertThat(slot(key).peopleCap()).isEqualTo(12);
        assertThat(slot(new SlotKey(TravelDirection.NORTHBOUND, day, LocalTime.of(8, 30))).peopleCap()).isEqualTo(40);

        MvcResult badTime = as(post("/admin/schedule/day/slots").param("date", day.toString())
                .param("direction", "NORTHBOUND").param("time", "9:5").param("peopleCap", "1").param("vehicleCap", "0"));
        assertThat(badTime.getResponse().getContentAsString()).contains("시각을 HH:mm 형식(00:00~23:59)으로 입력하십시오.");
        assertThat(slots.on(day, TravelDirection.NORTHBOUND)).hasSize(4);
    }

    @Test
    void shouldCancelASlotWithAReasonKeepingItsTripsAndTellingWhoHeldSeats() throws Exception {
        LocalDate day = someDay();
        SlotKey key = new SlotKey(TravelDirection.SOUTHBOUND, day, LocalTime.of(16, 0));
        long first = hold(key, 0);
        long second = hold(key, 2);

        MvcResult noReason = as(post("/admin/schedule/slots/" + key + "/cancel").param("reason", " ")
                .param("date", day.toString()));
        assertThat((String) noReason.getFlashMap().get("problem")).isEqualTo("사유를 입력하십시오.");
        assertThat(slot(key).cancelled()).isFalse();
        assertThat(events.stream(SlotCancelled.class)).isEmpty();

        MvcResult cancelled = as(post("/admin/schedule/slots/" + key + "/cancel").param("reason", "도로 보수")
                .param("date", day.toString()));

        assertThat(flash(cancelled)).containsEntry("message", "schedule.admin.cancelled")
                .containsEntry("count", 2);
        assertThat(slot(key).cancelled()).isTrue();
        assertThat(slots.bookingsIn(key)).extracting(Booking::applicationId).containsExactly(first, second);
        assertThat(events.stream(SlotCancelled.class)).containsExactly(
                new SlotCancelled(key, "도로 보수", List.of(first, second)));
        assertThat(page("/admin/schedule/day?date=" + day)).contains("취소됨: 도로 보수");

        MvcResult twice = as(post("/admin/schedule/slots/" + key + "/cancel").param("reason", "again")
                .param("date", day.toString()));
        assertThat((String) twice.getFlashMap().get("problem")).contains("취소되었습니다");
        MvcResult caps = as(post("/admin/schedule/slots/" + key + "/caps").param("peopleCap", "50")
                .param("vehicleCap", "50").param("date", day.toString()));
        assertThat((String) caps.getFlashMap().get("problem")).contains("취소되었습니다");
        assertThat(events.stream(SlotCancelled.class)).hasSize(1);
    }

    @Test
    void shouldRefuseSlotsThatDoNotExistOrArePast() throws Exception {
        LocalDate day = someDay();
        MvcResult none = as(post("/admin/schedule/slots/N-" + day + "-0931/cancel").param("reason", "x")
                .param("date", day.toString()));
        assertThat((String) none.getFlashMap().get("problem")).contains("시간대가 없습니다");
        assertThat(none.getResponse().getRedirectedUrl()).isEqualTo("/admin/schedule/day?date=" + day);

        MvcResult garbage = as(post("/admin/schedule/slots/nonsense/cancel").param("reason", "x"));
        assertThat((String) garbage.getFlashMap().get("problem")).contains("시간대가 없습니다");

        MvcResult past = as(post("/admin/schedule/slots/N-2020-01-06-0830/cancel").param("reason", "x"));
        assertThat((String) past.getFlashMap().get("problem")).contains("지난 날짜");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slot WHERE slot_date = ?", Integer.class,
                LocalDate.of(2020, 1, 6))).isZero();

        assertThat(as(get("/admin/schedule/day").param("date", "2026-13-45")).getResponse().getStatus())
                .isEqualTo(400);
        assertThat(page("/admin/schedule/day?date=2020-01-06")).contains("08:30").doesNotContain("시간대 취소");
    }
}
