package kr.kaesongcrossing.application.permit;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.consent.SlotConsents;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.profile.ProfileDetails;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.device.DeviceTokens;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Standing permits through the whole stack, on H2 or MariaDB (KC_TEST_DB=mysql): an officer grants one (audited,
 * its pass issued), the holder books a crossing in two clicks (seats held, on the slot's manifest, awaiting the
 * counterpart's consent), the gate refuses the permit's pass until the counterpart consented to the booked slot,
 * then lets the holder through; revoked, the pass still lets the holder inside out. Coordinators ask for renewals
 * of several members at once; holders are reminded once before their permit ends.
 */
class PermitFlowTests extends ApplicationTestSupport {

    @Autowired
    Permits permits;
    @Autowired
    SlotConsents consents;
    @Autowired
    DeviceTokens tokens;
    @Autowired
    Profiles profiles;

    private long organisation() {
        String registration = "P-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('개성상주기업', 'Resident company', 'COMPANY', ?, ?)", registration,
                LocalDateTime.now(ZoneOffset.UTC));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class,
                registration);
    }

    private void member(long organisation, AccountPrincipal person, String role) {
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                organisation, person.id(), role, LocalDateTime.now(ZoneOffset.UTC));
    }

    /** A civilian member of {@code organisation} who applied once (their data on file). */
    private AccountPrincipal resident(long organisation) {
        AccountPrincipal person = account(Role.CIVILIAN, "en");
        submitted(person);
        member(organisation, person, "MEMBER");
        return person;
    }

    private StandingPermit granted(AccountPrincipal holder, long organisation, LocalDate until) {
        return permits.grant(new PermitTerms(holder.id(), organisation, Purpose.ECONOMIC_COOPERATION, "상주 근무",
                true, true, today(), until), account(Role.OFFICER).id());
    }

    /** A scan at the zone gate (the tests' route has only that one; slot checks are off but bind permit passes). */
    private String scan(String bearer, String token, String direction) throws Exception {
        return CheckpointFixtures.outcome(mvc.perform(CheckpointFixtures.scanRequest(bearer, token, null, direction,
                null)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * The booked crossing moves into a slot leaving now (a one-off slot of today): the lists of today's slots are
     * closed to bookings, and the gate judges a crossing by the slot of the day it is scanned.
     */
    private SlotKey intoSlotNow(long trip) {
        ZonedDateTime at = ZonedDateTime.now(OfficeTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
        SlotKey slot = new SlotKey(TravelDirection.NORTHBOUND, at.toLocalDate(), at.toLocalTime());
        if (jdbc.queryForObject("SELECT COUNT(*) FROM slot WHERE direction = ? AND slot_date = ? AND departs_at = ?",
                Integer.class, "NORTHBOUND", slot.date(), slot.departsAt()) == 0) {
            jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) "
                    + "VALUES ('NORTHBOUND', ?, ?, 999, 999)", slot.date(), slot.departsAt());
        }
        jdbc.update("UPDATE slot_booking SET slot_id = (SELECT id FROM slot WHERE direction = 'NORTHBOUND' AND "
                + "slot_date = ? AND departs_at = ?) WHERE application_id = ? AND direction = 'NORTHBOUND'",
                slot.date(), slot.departsAt(), trip);
        jdbc.update("UPDATE travel_application SET northbound_slot = ?, entry_date = ? WHERE id = ?",
                slot.toString(), slot.date(), trip);
        return slot;
    }

    @Test
    void shouldGrantBookConsentCrossAndRevokeWithoutTrappingTheHolderInside() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        long company = organisation();
        AccountPrincipal holder = resident(company);

        mvc.perform(post("/review/permits").param("holderEmail", holder.email())
                .param("organisationId", String.valueOf(company)).param("purpose", "ECONOMIC_COOPERATION")
                .param("purposeDetail", "공장 상주 근무").param("northbound", "true").param("southbound", "true")
                .param("validFrom", today().toString()).param("validUntil", today().plusMonths(6).toString())
                .with(signedIn(officer)).with(csrf()))
                .andExpect(redirectedUrl("/review/permits")).andExpect(flash().attribute("message", "permit.granted"));
        long permit = jdbc.queryForObject("SELECT id FROM standing_permit WHERE holder_id = ?", Long.class,
                holder.id());
        String token = jdbc.queryForObject("SELECT token FROM pass WHERE current_for_permit = ?", String.class, permit);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'permit.granted' "
                + "AND subject_id = ?", Integer.class, String.valueOf(permit))).isEqualTo(1);

        // two clicks: the page offers the day's slots; choose one, book
        LocalDate day = someEntryDate();
        SlotKey north = slotWithRoom(TravelDirection.NORTHBOUND, day, 0);
        String page = mvc.perform(get("/permits").param("date", day.toString()).with(signedIn(holder)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + north + "\"");
        mvc.perform(post("/permits/" + permit + "/book").param("northbound", north.toString())
                .with(signedIn(holder)).with(csrf()))
                .andExpect(redirectedUrl("/permits")).andExpect(flash().attribute("message", "permit.booked"));
        long trip = jdbc.queryForObject("SELECT id FROM travel_application WHERE permit_id = ?", Long.class, permit);
        assertThat(statusOf(trip)).as("no review: straight to the counterpart").isEqualTo(
                ApplicationStatus.AWAITING_CONSENT);
        assertThat(slots.bookings(trip)).extracting(b -> b.slot()).containsExactly(north);
        String reference = repository.findById(trip).orElseThrow().getReference();
        assertThat(mvc.perform(get("/review/slots/" + north).with(signedIn(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("on the slot's manifest").contains(reference);

        // the slot's cap holds for permit bookings too
        jdbc.update("UPDATE slot SET people_cap = people_booked WHERE direction = 'NORTHBOUND' AND slot_date = ? "
                + "AND departs_at = ?", north.date(), north.departsAt());
        mvc.perform(post("/permits/" + permit + "/book").param("northbound", north.toString())
                .with(signedIn(holder)).with(csrf()))
                .andExpect(redirectedUrl("/permits")).andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE permit_id = ?", Integer.class,
                permit)).isEqualTo(1);

        // re-issued like any pass (e.g. after a key rotation): the new one is the permit's, the old one is revoked
        String first = jdbc.queryForObject("SELECT pass_id FROM pass WHERE current_for_permit = ?", String.class,
                permit);
        mvc.perform(post("/passes/" + first + "/reissue").param("reason", "key rotation").with(signedIn(officer))
                .with(csrf())).andExpect(status().is3xxRedirection());
        String oldToken = token;
        token = jdbc.queryForObject("SELECT token FROM pass WHERE current_for_permit = ?", String.class, permit);
        assertThat(token).isNotEqualTo(oldToken);

        // at the gate: the permit's pass needs the booked slot's consent
        String bearer = CheckpointFixtures.deviceBearer(tokens, "permit");
        assertThat(scan(bearer, oldToken, "NORTHBOUND")).isEqualTo("REVOKED");
        SlotKey now = intoSlotNow(trip);
        assertThat(scan(bearer, token, "NORTHBOUND")).isEqualTo("NO_BOOKED_SLOT");
        consents.record(trip, now, "NK-" + trip, Actor.of(account(Role.OFFICER)), null);
        assertThat(statusOf(trip)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(scan(bearer, token, "NORTHBOUND")).isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("SELECT application_id FROM pass_presence WHERE pass_id = (SELECT pass_id "
                + "FROM pass WHERE current_for_permit = ?)", Long.class, permit)).as("inside on the booked crossing")
                .isEqualTo(trip);

        // revoked while inside: the holder still gets out, with the alert
        mvc.perform(post("/review/permits/" + permit + "/revoke").param("reason", "퇴사")
                .with(signedIn(officer)).with(csrf()))
                .andExpect(redirectedUrl("/review/permits")).andExpect(flash().attribute("message", "permit.revoked"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pass WHERE permit_id = ? AND revoked_at IS NULL",
                Integer.class, permit)).as("no live pass left").isZero();
        assertThat(scan(bearer, token, "SOUTHBOUND")).isEqualTo("ALERT REVOKED");
        assertThat(scan(bearer, token, "NORTHBOUND")).isEqualTo("REVOKED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'permit.revoked' "
                + "AND subject_id = ?", Integer.class, String.valueOf(permit))).isEqualTo(1);
    }

    @Test
    void shouldRefuseAGrantOutsideTheRulesAndSayWhy() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        long company = organisation();
        AccountPrincipal outsider = account(Role.CIVILIAN, "en");
        submitted(outsider);
        AccountPrincipal member = resident(company);
        record Case(AccountPrincipal who, LocalDate until, String problem) {
        }
        for (Case c : List.of(new Case(outsider, today().plusMonths(1), "The person is not a member of this organisation."),
                new Case(member, today().plusMonths(7), "A permit runs for at most 6 months."))) {
            mvc.perform(post("/review/permits").param("holderEmail", c.who().email())
                    .param("organisationId", String.valueOf(company)).param("purpose", "TALKS")
                    .param("purposeDetail", "상주").param("northbound", "true")
                    .param("validFrom", today().toString()).param("validUntil", c.until().toString())
                    .with(signedIn(officer)).with(csrf()).cookie(ENGLISH))
                    .andExpect(redirectedUrl("/review/permits")).andExpect(flash().attribute("problem", c.problem()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM standing_permit WHERE holder_id = ?", Integer.class,
                    c.who().id())).isZero();
        }
        assertThat(mvc.perform(post("/review/permits").param("holderEmail", "nobody-" + UUID.randomUUID() + "@x.test")
                .param("organisationId", String.valueOf(company)).param("purpose", "TALKS")
                .param("purposeDetail", "상주").param("validFrom", today().toString())
                .param("validUntil", today().toString()).with(signedIn(officer)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("No active applicant account has this email.");
    }

    @Test
    void shouldBookWithTheHoldersProfileWhenThereIsOne() throws Exception {
        long company = organisation();
        AccountPrincipal holder = resident(company);
        profiles.saveOwn(holder, new ProfileDetails("박상주", "PARK SANGJU", LocalDate.of(1980, 5, 5), "KOR",
                IdDocumentType.PASSPORT, "M7654321", "010-1234-5678"), PHOTO);
        StandingPermit permit = granted(holder, company, today().plusMonths(5));
        SlotKey north = slotWithRoom(TravelDirection.NORTHBOUND, someEntryDate(), 0);

        mvc.perform(post("/permits/" + permit.getId() + "/book").param("northbound", north.toString())
                .with(signedIn(holder)).with(csrf())).andExpect(redirectedUrl("/permits")).andExpect(flash().attribute("message", "permit.booked"));

        assertThat(jdbc.queryForObject("SELECT name_latin FROM travel_application WHERE permit_id = ?", String.class,
                permit.getId())).isEqualTo("PARK SANGJU");
        assertThat(jdbc.queryForObject("SELECT holder_name_latin FROM pass WHERE current_for_permit = ?",
                String.class, permit.getId())).isEqualTo("PARK SANGJU");
    }

    @Test
    void shouldRefuseAPermitPassWithNothingBooked() throws Exception {
        long company = organisation();
        StandingPermit permit = granted(resident(company), company, today().plusMonths(1));
        String token = jdbc.queryForObject("SELECT token FROM pass WHERE current_for_permit = ?", String.class,
                permit.getId());
        String bearer = CheckpointFixtures.deviceBearer(tokens, "permit-none");
        assertThat(scan(bearer, token, "NORTHBOUND")).isEqualTo("NO_BOOKED_SLOT");
    }

    @Test
    void shouldKeepEachPersonToTheirOwnPermits() throws Exception {
        long company = organisation();
        AccountPrincipal holder = resident(company);
        StandingPermit permit = granted(holder, company, today().plusMonths(1));
        AccountPrincipal stranger = account(Role.CIVILIAN, "en");
        SlotKey north = slotWithRoom(TravelDirection.NORTHBOUND, someEntryDate(), 0);

        mvc.perform(post("/permits/" + permit.getId() + "/book").param("northbound", north.toString())
                .with(signedIn(stranger)).with(csrf()).cookie(ENGLISH))
                .andExpect(redirectedUrl("/permits")).andExpect(flash().attribute("problem", "No such permit."));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM travel_application WHERE permit_id = ?", Integer.class,
                permit.getId())).isZero();
        assertThat(mvc.perform(get("/permits").with(signedIn(stranger))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(permit.reference());
        mvc.perform(post("/permits/renewals").param("permit", String.valueOf(permit.getId()))
                .with(signedIn(stranger)).with(csrf())).andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM permit_renewal WHERE permit_id = ?", Integer.class,
                permit.getId())).isZero();
    }

    @Test
    void shouldLetACoordinatorAskForSeveralRenewalsAtOnceAndAnOfficerGrantThem() throws Exception {
        long company = organisation();
        AccountPrincipal coordinator = account(Role.CIVILIAN, "en");
        member(company, coordinator, "COORDINATOR");
        StandingPermit first = granted(resident(company), company, today().plusDays(10));
        StandingPermit second = granted(resident(company), company, today().plusDays(12));

        mvc.perform(post("/permits/renewals").param("permit", String.valueOf(first.getId()))
                .param("permit", String.valueOf(second.getId())).with(signedIn(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/permits"))
                .andExpect(flash().attribute("message", "permit.renewalsRequested"))
                .andExpect(flash().attribute("messageArg", 2));
        long renewal = jdbc.queryForObject("SELECT id FROM permit_renewal WHERE permit_id = ? AND status = 'PENDING'",
                Long.class, first.getId());

        mvc.perform(post("/review/permits/renewals/" + renewal + "/grant").with(signedIn(account(Role.OFFICER)))
                .with(csrf())).andExpect(flash().attribute("message", "permit.granted"));
        LocalDate from = jdbc.queryForObject("SELECT valid_from FROM standing_permit WHERE renews_id = ?",
                LocalDate.class, first.getId());
        assertThat(from).isEqualTo(today().plusDays(11));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pass WHERE current_for_permit IN (SELECT id FROM "
                + "standing_permit WHERE renews_id = ?)", Integer.class, first.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM permit_renewal WHERE id = ?", String.class, renewal))
                .isEqualTo("GRANTED");
    }

    @Test
    void shouldLetAnOfficerDeclineARenewalWithAReasonTheCoordinatorSees() throws Exception {
        long company = organisation();
        AccountPrincipal coordinator = account(Role.CIVILIAN, "en");
        member(company, coordinator, "COORDINATOR");
        StandingPermit permit = granted(resident(company), company, today().plusDays(10));
        mvc.perform(post("/permits/renewals").param("permit", String.valueOf(permit.getId()))
                .with(signedIn(coordinator)).with(csrf())).andExpect(redirectedUrl("/permits"));
        long renewal = jdbc.queryForObject("SELECT id FROM permit_renewal WHERE permit_id = ?", Long.class,
                permit.getId());
        AccountPrincipal officer = account(Role.OFFICER);
        assertThat(mvc.perform(get("/review/permits").with(signedIn(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("/review/permits/renewals/" + renewal + "/decline");

        // a reason is required: nothing is decided without one
        mvc.perform(post("/review/permits/renewals/" + renewal + "/decline").param("reason", " ")
                .with(signedIn(officer)).with(csrf()))
                .andExpect(redirectedUrl("/review/permits")).andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.queryForObject("SELECT status FROM permit_renewal WHERE id = ?", String.class, renewal))
                .isEqualTo("PENDING");

        mvc.perform(post("/review/permits/renewals/" + renewal + "/decline").param("reason", "Contract ends")
                .with(signedIn(officer)).with(csrf()))
                .andExpect(redirectedUrl("/review/permits"))
                .andExpect(flash().attribute("message", "permit.renewals.declined"));
        assertThat(jdbc.queryForMap("SELECT status, decline_reason, decided_by FROM permit_renewal WHERE id = ?",
                renewal)).containsEntry("status", "DECLINED").containsEntry("decline_reason", "Contract ends");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'permit.renewal-declined'"
                + " AND subject_id = ?", Integer.class, String.valueOf(permit.getId()))).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM standing_permit WHERE renews_id = ?", Integer.class,
                permit.getId())).isZero();
        // decided once: a second decision is refused
        mvc.perform(post("/review/permits/renewals/" + renewal + "/grant").with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attributeExists("problem"));

        String page = mvc.perform(get("/permits").cookie(ENGLISH).with(signedIn(coordinator))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Renewal declined: Contract ends");
        // and the coordinator may ask again
        mvc.perform(post("/permits/renewals").param("permit", String.valueOf(permit.getId()))
                .with(signedIn(coordinator)).with(csrf())).andExpect(flash().attribute("messageArg", 1));
    }

    @Test
    void shouldRemindAHolderOnceBeforeThePermitEndsEvenWhenTwoRunsRace() {
        long company = organisation();
        AccountPrincipal soon = resident(company);
        AccountPrincipal later = resident(company);
        StandingPermit ending = granted(soon, company, today().plusDays(10));
        StandingPermit lasting = granted(later, company, today().plusDays(60));

        List<CompletableFuture<Integer>> runs = List.of(CompletableFuture.supplyAsync(() -> permits.remindExpiring(14)),
                CompletableFuture.supplyAsync(() -> permits.remindExpiring(14)));
        runs.forEach(CompletableFuture::join);
        permits.remindExpiring(14);

        await().atMost(Duration.ofSeconds(10)).until(() -> mails(ending) == 1);
        assertThat(jdbc.queryForObject("SELECT subject FROM outbound_mail WHERE event_key = ?", String.class,
                "permit/" + ending.getId() + "/expiring")).contains(ending.reference()).contains("ends soon");
        assertThat(mails(lasting)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM standing_permit WHERE id = ? AND reminded_at IS NOT NULL",
                Integer.class, ending.getId())).isEqualTo(1);
    }

    private int mails(StandingPermit permit) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbound_mail WHERE event_key = ?", Integer.class,
                "permit/" + permit.getId() + "/expiring");
    }
}
