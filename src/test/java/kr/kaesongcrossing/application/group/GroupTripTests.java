package kr.kaesongcrossing.application.group;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.profile.ProfileDetails;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.schedule.SlotFullException;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Group trips end to end: a coordinator files one for saved profiles with exceptions, each traveller gets their own
 * application and seats, officers see one queue item and decide per member; seats are held for all or none, also
 * when two groups race for the last seats (run it on MariaDB too).
 */
class GroupTripTests extends ApplicationTestSupport {

    @Autowired
    Profiles profiles;
    @Autowired
    GroupTrips groups;

    long org;
    AccountPrincipal coordinator;
    LocalDate entry;

    @BeforeEach
    void setUp() {
        org = organisation();
        coordinator = member(org, "COORDINATOR");
        entry = today().plusDays(200 + ThreadLocalRandom.current().nextInt(160));
    }

    @Test
    void shouldFileAGroupOfFiveWithExceptionsAndLetAnOfficerApproveFourAndQueryOne() throws Exception {
        List<AccountPrincipal> members = new ArrayList<>();
        List<Long> saved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AccountPrincipal m = member(org, "MEMBER");
            members.add(m);
            saved.add(profile(m.id()));
        }
        saved.add(profile(null));
        saved.add(profile(null));
        SlotKey north = slotWithRoom(TravelDirection.NORTHBOUND, entry, 1);
        SlotKey south = slotWithRoom(TravelDirection.SOUTHBOUND, entry.plusDays(3), 0);
        SlotKey earlier = slotWithRoom(TravelDirection.SOUTHBOUND, entry.plusDays(1), 0);

        MockHttpServletRequestBuilder form = post("/groups/new").param("organisation", String.valueOf(org))
                .param("action", "submit").param("purpose", "ECONOMIC_COOPERATION").param("purposeDetail", "설비 점검")
                .param("entryDate", entry.toString()).param("returnDate", entry.plusDays(3).toString())
                .param("northboundSlot", north.toString()).param("southboundSlot", south.toString());
        for (int i = 0; i < saved.size(); i++) {
            form.param("travellers[" + i + "].profileId", saved.get(i).toString())
                    .param("travellers[" + i + "].included", "true");
        }
        form.param("goods[0].description", "계측 장비").param("goods[0].quantity", "2").param("goods[0].valueKrw", "800000")
                .param("goods[0].categoryCode", "KC-OTHER").param("goods[0].permitNumber", "MOU-2026-0417")
                .param("goods[0].comesBack", "true")
                .param("goods[1].description", "");
        long van = vehicle(entry.plusYears(1));
        form.param("travellers[1].southboundSlot", earlier.toString())
                .param("travellers[2].vehicleId", String.valueOf(van));
        MvcResult filed = mvc.perform(form.with(signedIn(coordinator)).with(csrf())).andReturn();
        assertThat(filed.getFlashMap().get("message")).as(filed.getResponse().getContentAsString())
                .isEqualTo("group.filed");
        long group = Long.parseLong(filed.getResponse().getRedirectedUrl().replace("/groups/", ""));

        List<Long> apps = jdbc.queryForList("SELECT id FROM travel_application WHERE group_id = ? ORDER BY id",
                Long.class, group);
        assertThat(apps).hasSize(5);
        assertThat(apps).allSatisfy(id -> {
            assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(slots.bookings(id)).hasSize(2);
        });
        assertThat(repository.findById(apps.get(1)).orElseThrow().getReturnDate()).isEqualTo(entry.plusDays(1));
        assertThat(slots.bookings(apps.get(1)).get(1).slot()).isEqualTo(earlier);
        assertThat(slots.bookings(apps.get(2)).get(0).vehicles()).isEqualTo(1);
        // the traveller who drives brings the registered vehicle, with its plate and type as the trip's snapshot
        assertThat(jdbc.queryForMap("SELECT vehicle_id, vehicle_plate, vehicle_type FROM travel_application "
                + "WHERE id = ?", apps.get(2))).containsEntry("vehicle_plate", "TRIP" + van)
                .containsEntry("vehicle_type", "TRUCK");
        assertThat(jdbc.queryForList("SELECT description FROM application_goods_line WHERE application_id IN ("
                + apps.get(0) + "," + apps.get(1) + ")", String.class)).containsExactly("계측 장비");
        // members with an account see their own application; those without are the coordinator's
        assertThat(applicationCount(members.get(0))).isOne();
        assertThat(applicationCount(coordinator)).isEqualTo(2);
        String reference = jdbc.queryForObject("SELECT reference FROM trip_group WHERE id = ?", String.class, group);
        assertThat(page(coordinator, "/groups/" + group)).contains(reference, "5명으로 단체 신청을 제출했습니다");

        // the office sees one item for the group, and decides per member
        AccountPrincipal officer = account(Role.OFFICER);
        String queue = page(officer, "/review?q=" + reference);
        assertThat(queue).contains("단체 " + reference + " (5명)");
        assertThat(page(officer, "/review/groups/" + group)).contains("단체 구성원(5명)");

        MockHttpServletRequestBuilder decide = post("/review/groups/" + group + "/decide").param("action", "decide");
        for (int i = 0; i < apps.size(); i++) {
            decide.param("member", apps.get(i).toString()).param("version", String.valueOf(version(apps.get(i))))
                    .param("decision", i == 4 ? "REQUEST_INFORMATION" : "APPROVE")
                    .param("reason", i == 4 ? "여권 사본을 다시 올려 주세요" : "");
        }
        MvcResult decided = mvc.perform(decide.with(signedIn(officer)).with(csrf())).andReturn();
        assertThat(decided.getFlashMap().get("message")).isEqualTo("group.review.done");
        for (int i = 0; i < 4; i++) {
            assertThat(statusOf(apps.get(i))).isIn(ApplicationStatus.AWAITING_CONSENT,
                    ApplicationStatus.APPROVED_FOR_TRAVEL);
        }
        assertThat(statusOf(apps.get(4))).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
        // the slot's manifest page shows the group's approved members together, marked with the group
        String manifest = page(officer, "/review/slots/" + north);
        assertThat(manifest.split(reference, -1).length - 1).isEqualTo(4);
        assertThat(page(coordinator, "/groups/" + group)).contains("승인 4명, 거절 0명, 보완 요청 1명");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'group.decided' "
                + "AND subject_id = ?", Long.class, String.valueOf(group))).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_status_change WHERE application_id = ? "
                + "AND to_status = 'INFORMATION_REQUESTED'", Long.class, apps.get(4))).isOne();
    }

    @Test
    void shouldScreenEveryTravellerOfAGroupAgainstTheWatchListOnFiling() {
        long listedProfile = profile(null);
        String name = jdbc.queryForObject("SELECT name_korean FROM traveller_profile WHERE id = ?", String.class,
                listedProfile);
        // written straight into the screening module's table: this test is about the group's filing
        jdbc.update("INSERT INTO watch_list_entry (name_korean, reason, source, listed_since, created_at) "
                + "VALUES (?, '제재 대상', '통보', ?, ?)", name, LocalDate.of(2026, 11, 20), Timestamp.from(Instant.now()));
        try {
            long group = groups.file(coordinator, org, plan(List.of(profile(null), listedProfile),
                    slotWithRoom(TravelDirection.NORTHBOUND, entry, 0)));

            assertThat(jdbc.queryForList("SELECT name_korean FROM travel_application WHERE group_id = ? "
                    + "AND watchlist_hold", String.class, group)).containsExactly(name);
        } finally {
            jdbc.update("DELETE FROM watch_list_entry WHERE name_korean = ?", name);
        }
    }

    @Test
    void shouldRecordNothingWhenARefusalHasNoReason() throws Exception {
        List<Long> travellers = List.of(profile(null), profile(null));
        long group = groups.file(coordinator, org, plan(travellers,
                slotWithRoom(TravelDirection.NORTHBOUND, entry, 0)));
        List<Long> apps = jdbc.queryForList("SELECT id FROM travel_application WHERE group_id = ?", Long.class, group);
        // retention keeps a profile of a person without an account while it is used for trips
        LocalDate returns = jdbc.queryForObject("SELECT return_date FROM trip_group WHERE id = ?", LocalDate.class,
                group);
        assertThat(travellers).allSatisfy(p -> assertThat(jdbc.queryForObject("SELECT used_until FROM"
                + " traveller_profile WHERE id = ?", LocalDate.class, p)).isEqualTo(returns));
        AccountPrincipal officer = account(Role.OFFICER);
        MvcResult result = mvc.perform(post("/review/groups/" + group + "/decide").param("action", "decide")
                .param("member", apps.get(0).toString(), apps.get(1).toString())
                .param("version", String.valueOf(version(apps.get(0))), String.valueOf(version(apps.get(1))))
                .param("decision", "APPROVE", "REJECT").param("reason", "", "")
                .with(signedIn(officer)).with(csrf())).andReturn();
        assertThat(result.getFlashMap().get("message")).isEqualTo("group.review.reasonRequired");
        assertThat(apps).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED));
    }

    @Test
    void shouldRefuseBadInputWithMessagesAndNoServerError() throws Exception {
        long saved = profile(null);
        long before = count("SELECT COUNT(*) FROM trip_group");
        for (String[] bad : List.of(
                new String[] {"purpose", "KING"},
                new String[] {"entryDate", "yesterday"},
                new String[] {"northboundSlot", "N-2026-99-99-0830"},
                new String[] {"travellers[0].southboundSlot", "<script>alert(1)</script>"},
                new String[] {"travellers[0].vehicleId", "999999999"},
                new String[] {"travellers[0].included", "false"},
                new String[] {"goods[0].description", "책"},
                new String[] {"goods[0].quantity", "-3"})) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("organisation", String.valueOf(org));
            fields.put("action", "submit");
            fields.put("purpose", "TALKS");
            fields.put("purposeDetail", "회의");
            fields.put("entryDate", entry.toString());
            fields.put("returnDate", entry.plusDays(3).toString());
            fields.put("northboundSlot", slotWithRoom(TravelDirection.NORTHBOUND, entry, 0).toString());
            fields.put("southboundSlot", slotWithRoom(TravelDirection.SOUTHBOUND, entry.plusDays(3), 0).toString());
            fields.put("travellers[0].profileId", String.valueOf(saved));
            fields.put("travellers[0].included", "true");
            fields.put(bad[0], bad[1]);
            MockHttpServletRequestBuilder form = post("/groups/new");
            fields.forEach((name, value) -> form.param(name, value));
            MockHttpServletResponse response = mvc.perform(form.with(signedIn(coordinator)).with(csrf()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(String.join("=", bad)).isEqualTo(200);
            assertThat(response.getContentAsString()).as(String.join("=", bad)).contains("krds-alert danger")
                    .doesNotContain("<script>alert");
        }
        // a tampered form beyond the rows the page can have: the error page for bad requests, not a server error
        assertThat(mvc.perform(post("/groups/new").param("organisation", String.valueOf(org))
                .param("travellers[5000].included", "true").with(signedIn(coordinator)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM trip_group")).isEqualTo(before);
    }

    @Test
    void shouldKeepGroupsToTheirOrganisation() throws Exception {
        long group = groups.file(coordinator, org, plan(List.of(profile(null)),
                slotWithRoom(TravelDirection.NORTHBOUND, entry, 0)));
        long otherOrg = organisation();
        AccountPrincipal other = member(otherOrg, "COORDINATOR");
        AccountPrincipal plainMember = member(org, "MEMBER");
        assertThat(status(other, "/groups/" + group)).isEqualTo(404);
        assertThat(status(plainMember, "/groups/" + group)).isEqualTo(404);
        assertThat(status(plainMember, "/groups/new?organisation=" + org)).isEqualTo(404);
        assertThat(page(coordinator, "/groups")).as("a coordinator starts a group from the list")
                .contains("/groups/new?organisation=" + org);
        assertThat(page(plainMember, "/groups")).doesNotContain("/groups/new?organisation=");
        // another organisation's coordinator cannot file with this organisation's profiles
        long theirs = profile(null);
        MvcResult stolen = mvc.perform(post("/groups/new").param("organisation", String.valueOf(otherOrg))
                .param("action", "submit").param("purpose", "TALKS").param("purposeDetail", "x")
                .param("entryDate", entry.toString()).param("returnDate", entry.plusDays(3).toString())
                .param("northboundSlot", slotWithRoom(TravelDirection.NORTHBOUND, entry, 0).toString())
                .param("southboundSlot", slotWithRoom(TravelDirection.SOUTHBOUND, entry.plusDays(3), 0).toString())
                .param("travellers[0].profileId", String.valueOf(theirs)).param("travellers[0].included", "true")
                .with(signedIn(other)).with(csrf())).andReturn();
        assertThat(stolen.getResponse().getStatus()).isEqualTo(404);
        assertThat(page(other, "/groups")).doesNotContain(jdbc.queryForObject(
                "SELECT reference FROM trip_group WHERE id = ?", String.class, group));
    }

    @Test
    void shouldHoldSeatsForTheWholeGroupOrNone() throws Exception {
        SlotKey north = slotWithRoom(TravelDirection.NORTHBOUND, entry, 0);
        int left = leaveSeats(north, 2);
        assertThat(left).isEqualTo(2);
        long before = count("SELECT COUNT(*) FROM travel_application");

        assertThat(catchThrowable(() -> groups.file(coordinator, org,
                plan(List.of(profile(null), profile(null), profile(null)), north)))).isInstanceOf(SlotFullException.class);

        assertThat(count("SELECT COUNT(*) FROM travel_application")).isEqualTo(before);
        assertThat(seatsLeft(north)).isEqualTo(2);
    }

    /** Two groups of three race for the last four seats of a slot: one gets all its seats, the other none. */
    @Test
    void shouldNeverHalfBookAGroupWhenTwoRaceForTheLastSeats() throws Exception {
        SlotKey north = slotWithRoom(TravelDirection.NORTHBOUND, entry, 0);
        leaveSeats(north, 4);
        AccountPrincipal otherCoordinator = member(org, "COORDINATOR");
        List<GroupPlan> plans = List.of(plan(List.of(profile(null), profile(null), profile(null)), north),
                plan(List.of(profile(null), profile(null), profile(null)), north));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                AccountPrincipal who = i == 0 ? coordinator : otherCoordinator;
                GroupPlan plan = plans.get(i);
                Callable<Long> filing = () -> {
                    start.await();
                    return groups.file(who, org, plan);
                };
                results.add(pool.submit(filing));
            }
            start.countDown();
            int filed = 0;
            int refused = 0;
            for (Future<Long> result : results) {
                try {
                    result.get();
                    filed++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SlotFullException.class);
                    refused++;
                }
            }
            assertThat(filed).isOne();
            assertThat(refused).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(seatsLeft(north)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM slot_booking b JOIN travel_application a ON a.id = b.application_id "
                + "JOIN trip_group g ON g.id = a.group_id WHERE g.organisation_id = " + org
                + " AND b.direction = 'NORTHBOUND'")).isEqualTo(3);
    }

    private GroupPlan plan(List<Long> profileIds, SlotKey north) {
        SlotKey south = slotWithRoom(TravelDirection.SOUTHBOUND, entry.plusDays(3), 0);
        return new GroupPlan(Purpose.TALKS, "회의", entry, entry.plusDays(3), north, south, List.of(),
                profileIds.stream().map(id -> new GroupPlan.Traveller(id, null, null, null, null)).toList());
    }

    /** Leaves {@code seats} seats in the slot (its cap set just above what is booked); returns the seats left. */
    private int leaveSeats(SlotKey key, int seats) {
        jdbc.update("INSERT INTO slot (direction, slot_date, departs_at, people_cap, vehicle_cap) "
                + "SELECT direction, ?, departs_at, people_cap, vehicle_cap FROM slot_timetable WHERE direction = ? "
                + "AND day_of_week = ? AND departs_at = ? AND NOT EXISTS (SELECT 1 FROM slot WHERE direction = ? "
                + "AND slot_date = ? AND departs_at = ?)", key.date(), key.direction().name(),
                key.date().getDayOfWeek().getValue(), key.departsAt(), key.direction().name(), key.date(),
                key.departsAt());
        jdbc.update("UPDATE slot SET people_cap = people_booked + ? WHERE direction = ? AND slot_date = ? "
                + "AND departs_at = ?", seats, key.direction().name(), key.date(), key.departsAt());
        return seatsLeft(key);
    }

    private int seatsLeft(SlotKey key) {
        return jdbc.queryForObject("SELECT people_cap - people_booked FROM slot WHERE direction = ? AND slot_date = ? "
                + "AND departs_at = ?", Integer.class, key.direction().name(), key.date(), key.departsAt());
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private long profile(Long accountId) {
        return profiles.saveKept(coordinator, org, null, accountId, new ProfileDetails(uniqueKoreanName(),
                "TRAVELLER", LocalDate.of(1985, 5, 5), "KOR", IdDocumentType.PASSPORT, "M" + (10_000_000
                + ThreadLocalRandom.current().nextInt(89_999_999)), "010-3333-4444"), PHOTO);
    }

    private String page(AccountPrincipal user, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(signedIn(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private int status(AccountPrincipal user, String url) throws Exception {
        return mvc.perform(get(url).with(signedIn(user))).andReturn().getResponse().getStatus();
    }

    /** A truck the organisation registered, its operating permit valid until {@code permitExpires}. */
    private long vehicle(LocalDate permitExpires) {
        String marker = "T" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO vehicle (organisation_id, plate, active_plate, vehicle_type, make, colour, "
                + "permit_number, permit_expires, registered_by, registered_at) "
                + "VALUES (?, ?, ?, 'TRUCK', '트럭', '파랑', ?, ?, ?, ?)", org, marker, marker, marker, permitExpires,
                coordinator.id(), java.sql.Timestamp.from(java.time.Instant.now()));
        long id = jdbc.queryForObject("SELECT id FROM vehicle WHERE plate = ?", Long.class, marker);
        jdbc.update("UPDATE vehicle SET plate = ?, active_plate = ? WHERE id = ?", "TRIP" + id, "TRIP" + id, id);
        return id;
    }

    long organisation() {
        String number = UUID.randomUUID().toString().substring(0, 20);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('단체 기관', 'Group org', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }

    AccountPrincipal member(long organisation, String role) {
        AccountPrincipal person = accounts.create(Role.CIVILIAN, "ko", "단체원 " + UUID.randomUUID().toString()
                .substring(0, 6));
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                organisation, person.id(), role, Timestamp.from(Instant.now()));
        return person;
    }
}
