package kr.kaesongcrossing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.SlotCancelled;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crossing slots on applications, full stack with a real SMTP server (GreenMail). The lists close 20 days ahead
 * here, so that a trip 10 days ahead is always past its cut-off and one 30 days or more ahead never is.
 */
@TestPropertySource(properties = "kc.schedule.cutoff-days=20")
class SlotBookingTests extends ApplicationTestSupport {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    /**
     * A date whose lists are open, 200 to 359 days ahead (trips are at most a year ahead): rarely one other tests
     * book in, but they may, so seats are compared before and after.
     */
    static LocalDate openDate() {
        return today().plusDays(200 + ThreadLocalRandom.current().nextInt(160));
    }

    private int seatsLeft(SlotKey key) {
        return slots.find(key).orElseThrow().seatsLeft();
    }

    private int vehicleSpaceLeft(SlotKey key) {
        return slots.find(key).orElseThrow().vehicleSpaceLeft();
    }

    /** A date whose lists have closed (10 days ahead, cut-off 20 days). */
    static LocalDate closedDate() {
        return today().plusDays(10);
    }

    static SlotKey north(LocalDate date, int hour, int minute) {
        return new SlotKey(TravelDirection.NORTHBOUND, date, LocalTime.of(hour, minute));
    }

    static SlotKey south(LocalDate date, int hour, int minute) {
        return new SlotKey(TravelDirection.SOUTHBOUND, date, LocalTime.of(hour, minute));
    }

    @Test
    void shouldOfferTheSlotsOfTheChosenDatesWithSeatsLeftAndWhenTheirListsClose() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        LocalDate entry = openDate();

        mvc.perform(get("/applications/slots").param("entryDate", entry.toString())
                        .param("returnDate", entry.plusDays(2).toString()).param("vehiclePlate", "12가3456")
                        .cookie(ENGLISH).with(signedIn(civilian)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"" + north(entry, 8, 30) + "\""),
                        containsString("value=\"" + north(entry, 14, 0) + "\""),
                        containsString("value=\"" + south(entry.plusDays(2), 17, 30) + "\""),
                        containsString(seatsLeft(north(entry, 10, 0)) + " seats left, "
                                + vehicleSpaceLeft(north(entry, 10, 0)) + " vehicle places"),
                        containsString("The lists for " + entry + " close at " + entry.minusDays(20) + " 17:00 KST"))));

        mvc.perform(get("/applications/new").cookie(ENGLISH).with(signedIn(civilian)))
                .andExpect(content().string(allOf(containsString("Choose the entry date to see its crossings."),
                        containsString("/js/application-slots"))));
    }

    @Test
    void shouldKeepTheDraftsChoicesAndShowThemCheckedWhenEditing() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        LocalDate entry = openDate();
        mvc.perform(filledForm("/applications/new", civilian, "entryDate", entry.toString(),
                        "returnDate", entry.plusDays(1).toString(), "northboundSlot", north(entry, 10, 0).toString(),
                        "southboundSlot", south(entry.plusDays(1), 12, 0).toString())
                        .param("action", "save"))
                .andExpect(status().is3xxRedirection());
        long id = latestApplication(civilian);
        assertThat(slots.bookings(id)).as("a draft holds no seat").isEmpty();

        mvc.perform(get("/applications/" + id + "/edit").with(signedIn(civilian)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"" + north(entry, 10, 0) + "\" checked=\"checked\""),
                        containsString("value=\"" + south(entry.plusDays(1), 12, 0) + "\" checked=\"checked\""))));
    }

    @Test
    void shouldRefuseAFullSlotStoreNothingAndOfferTheNextWithRoom() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        LocalDate entry = openDate();
        if (jdbc.update("UPDATE slot SET people_cap = people_booked WHERE direction = 'NORTHBOUND' "
                + "AND slot_date = ? AND departs_at = TIME '08:30:00'", entry) == 0) {
            jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap, people_booked) "
                    + "VALUES ('NORTHBOUND', ?, TIME '08:30:00', 1, 1, 1)", entry);
        }

        mvc.perform(filledForm("/applications/new", civilian, "entryDate", entry.toString(),
                        "returnDate", entry.plusDays(1).toString(), "vehiclePlate", "", "vehicleType", "",
                        "northboundSlot", north(entry, 8, 30).toString())
                        .file(photo(PHOTO.jpeg())).param("action", "submit").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("The crossing at " + entry + " 08:30 is full. Please choose another."),
                        containsString("Next crossings with room:"),
                        containsString(entry + " 10:00 (" + seatsLeft(north(entry, 10, 0)) + " seats left)"))));

        assertThat(applicationCount(civilian)).isZero();
        assertThat(slots.bookings(latestOrNone(civilian))).isEmpty();
    }

    @Test
    void shouldHoldBothSeatsAtSubmissionAndGiveThemBackWhenTheTripEnds() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate entry = openDate();
        SlotKey northbound = north(entry, 14, 0);
        SlotKey southbound = south(entry.plusDays(3), 17, 30);
        int seats = seatsLeft(northbound);
        int vehicles = vehicleSpaceLeft(northbound);
        mvc.perform(filledForm("/applications/new", civilian, "entryDate", entry.toString(),
                        "returnDate", entry.plusDays(3).toString(), "northboundSlot", northbound.toString(),
                        "southboundSlot", southbound.toString())
                        .file(photo(PHOTO.jpeg())).param("action", "submit"))
                .andExpect(status().is3xxRedirection());
        long rejected = latestApplication(civilian);
        assertThat(slots.bookings(rejected)).extracting(Booking::slot, Booking::vehicles)
                .containsExactly(tuple(northbound, 1), tuple(southbound, 1));
        assertThat(seatsLeft(northbound)).isEqualTo(seats - 1);
        assertThat(vehicleSpaceLeft(northbound)).isEqualTo(vehicles - 1);

        reviews.reject(rejected, version(rejected), Actor.of(officer), "일정 중복");
        assertThat(slots.bookings(rejected)).isEmpty();
        assertThat(seatsLeft(northbound)).isEqualTo(seats);
        assertThat(vehicleSpaceLeft(northbound)).isEqualTo(vehicles);

        long withdrawn = submitted(civilian, uniqueKoreanName(), entry, Purpose.TALKS);
        assertThat(slots.bookings(withdrawn)).hasSize(2);
        applications.withdraw(withdrawn, civilian, "");
        assertThat(slots.bookings(withdrawn)).isEmpty();

        long refused = awaitingConsent(civilian, officer, entry);
        reviews.recordConsent(refused, version(refused), Actor.of(officer), false, "NK-1", "");
        assertThat(slots.bookings(refused)).isEmpty();

        long revoked = awaitingConsent(civilian, officer, entry);
        reviews.recordConsent(revoked, version(revoked), Actor.of(officer), true, "NK-2", "");
        assertThat(slots.bookings(revoked)).as("an approved trip keeps its seats").hasSize(2);
        mvc.perform(post("/review/applications/" + revoked + "/revoke").param("version", String.valueOf(version(revoked)))
                .param("reason", "출입 제한").with(signedIn(officer)).with(csrf()));
        assertThat(statusOf(revoked)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(slots.bookings(revoked)).isEmpty();
    }

    @Test
    void shouldRefuseTheApplicantOnceTheListHasClosed() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        LocalDate entry = closedDate();

        mvc.perform(get("/applications/slots").param("entryDate", entry.toString())
                        .param("returnDate", entry.plusDays(1).toString()).cookie(ENGLISH).with(signedIn(civilian)))
                .andExpect(content().string(allOf(
                        containsString("The lists for " + entry + " closed at " + entry.minusDays(20) + " 17:00 KST"),
                        containsString("value=\"" + north(entry, 8, 30) + "\" disabled=\"disabled\""))));

        mvc.perform(filledForm("/applications/new", civilian, "entryDate", entry.toString(),
                        "returnDate", entry.plusDays(1).toString(), "northboundSlot", north(entry, 8, 30).toString())
                        .file(photo(PHOTO.jpeg())).param("action", "submit").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The list for the crossing at " + entry
                        + " 08:30 closed at " + entry.minusDays(20) + " 17:00 KST.")));
        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldLetAnOfficerAddALateTravellerWithAReasonAndMailTheApplicant() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN, "en");
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate entry = closedDate();
        long id = submittedWithoutSeats(civilian, entry);
        SlotKey slot = north(entry, 10, 0);

        officerPuts(officer, id, slot, "")
                .andExpect(flash().attribute("problem", containsString("사유가 필요합니다")));
        assertThat(slots.bookings(id)).isEmpty();

        officerPuts(officer, id, slot, "장관 수행원 추가")
                .andExpect(redirectedUrlPattern("/review/applications/" + id + "*"));
        assertThat(slots.bookings(id)).singleElement().satisfies(b -> {
            assertThat(b.slot()).isEqualTo(slot);
            assertThat(b.late()).isTrue();
            assertThat(b.lateReason()).isEqualTo("장관 수행원 추가");
        });
        mvc.perform(get("/review/applications/" + id).with(signedIn(officer)))
                .andExpect(content().string(containsString("명단 마감 후 추가됨: 장관 수행원 추가")));

        MimeMessage mail = singleMailTo(civilian);
        assertThat(mail.getSubject()).isEqualTo("[Kaesong Crossing] Your crossing time for " + reference(id)
                + " changed");
        assertThat(body(mail)).contains("Northbound (출경) " + entry + " 10:00");
    }

    @Test
    void shouldLetAnOfficerMoveATravellerToAnotherSlotOfTheDateAndMailThemInTheirLanguage() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN, "ko");
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate entry = openDate();
        long id = submitted(civilian, uniqueKoreanName(), entry, Purpose.TALKS);
        SlotKey before = repository.findById(id).orElseThrow().getNorthboundSlot();
        SlotKey after = north(entry, before.departsAt().equals(LocalTime.of(14, 0)) ? 10 : 14, 0);
        int seatsBefore = seatsLeft(before);

        officerPuts(officer, id, after, "");

        assertThat(slots.bookings(id)).extracting(Booking::slot).first().isEqualTo(after);
        assertThat(slots.bookings(id).get(0).late()).isFalse();
        assertThat(repository.findById(id).orElseThrow().getNorthboundSlot()).isEqualTo(after);
        assertThat(seatsLeft(before)).isEqualTo(seatsBefore + 1);
        String shown = entry + " " + after.departsAt();
        mvc.perform(get("/applications/" + id).with(signedIn(civilian)))
                .andExpect(content().string(containsString(shown)));

        MimeMessage mail = singleMailTo(civilian);
        assertThat(mail.getSubject()).isEqualTo("[개성 남북 출입 관리] " + reference(id) + " 통행 시간대가 바뀌었습니다");
        assertThat(body(mail)).contains(shown);

        officerPuts(officer, id, north(entry.plusDays(1), 8, 30), "")
                .andExpect(flash().attribute("problem", containsString(entry.plusDays(1) + " 08:30")));
        assertThat(slots.bookings(id).get(0).slot()).as("not a slot of the entry date").isEqualTo(after);
    }

    @Test
    void shouldMailEveryTravellerOfACancelledSlotAndListThemForRebookingUntilMoved() throws Exception {
        AccountPrincipal first = account(Role.CIVILIAN, "en");
        AccountPrincipal second = account(Role.CIVILIAN, "ko");
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate entry = openDate();
        long a = submitted(first, uniqueKoreanName(), entry, Purpose.TALKS);
        long b = submitted(second, uniqueKoreanName(), entry, Purpose.TALKS);
        SlotKey cancelled = repository.findById(a).orElseThrow().getNorthboundSlot();
        assertThat(repository.findById(b).orElseThrow().getNorthboundSlot()).isEqualTo(cancelled);
        SlotKey other = north(entry, cancelled.departsAt().equals(LocalTime.of(14, 0)) ? 10 : 14, 0);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("UPDATE slot SET cancelled = TRUE WHERE direction = 'NORTHBOUND' AND slot_date = ? "
                    + "AND departs_at = ?", entry, cancelled.departsAt());
            events.publishEvent(new SlotCancelled(cancelled, "도로 보수", List.of(a, b)));
        });

        MimeMessage mail = singleMailTo(first);
        assertThat(mail.getSubject()).isEqualTo("[Kaesong Crossing] Your crossing for " + reference(a)
                + " was cancelled");
        assertThat(body(mail)).contains("Northbound (출경) " + entry + " " + cancelled.departsAt())
                .contains("Reason: 도로 보수");
        assertThat(singleMailTo(second).getSubject()).contains(reference(b)).contains("취소");

        mvc.perform(get("/review/rebook").with(signedIn(officer)))
                .andExpect(content().string(allOf(containsString(reference(a)), containsString(reference(b)))));

        officerPuts(officer, a, other, "");
        mvc.perform(get("/review/rebook").with(signedIn(officer)))
                .andExpect(content().string(allOf(not(containsString(reference(a))), containsString(reference(b)))));
    }

    /**
     * A submitted trip that holds no seat yet: one the office takes on after the lists closed (the applicant can no
     * longer submit for that date).
     */
    private long submittedWithoutSeats(AccountPrincipal civilian, LocalDate entry) {
        long id = applications.create(civilian, details(uniqueKoreanName(), entry, entry.plusDays(1), Purpose.TALKS),
                PHOTO, false);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            TravelApplication application = repository.findById(id).orElseThrow();
            application.submit(Actor.of(civilian), Instant.now());
        });
        return id;
    }

    private long latestOrNone(AccountPrincipal civilian) {
        Long id = jdbc.queryForObject("select max(id) from travel_application where applicant_id = ?", Long.class,
                civilian.id());
        return id == null ? -1 : id;
    }

    private ResultActions officerPuts(AccountPrincipal officer, long id, SlotKey slot, String reason)
            throws Exception {
        return mvc.perform(post("/review/applications/" + id + "/slots").param("version", String.valueOf(version(id)))
                .param("slot", slot.toString()).param("reason", reason).with(signedIn(officer)).with(csrf()));
    }

    private String reference(long id) {
        return repository.findById(id).orElseThrow().getReference();
    }

    /** The one mail the account got, once the publications of its events are done. */
    private MimeMessage singleMailTo(AccountPrincipal account) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(account).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM "
                + "EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?", Long.class,
                "%\"applicantAccountId\":" + account.id() + ",%") == 0);
        List<MimeMessage> mails = mailsTo(account);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(AccountPrincipal account) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(account.email());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
