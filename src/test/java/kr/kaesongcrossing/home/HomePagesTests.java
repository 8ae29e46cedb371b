package kr.kaesongcrossing.home;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.account.TestAccounts;
import kr.kaesongcrossing.application.ApplicationFigures;
import kr.kaesongcrossing.checkpoint.CheckpointFixtures;
import kr.kaesongcrossing.checkpoint.goods.GoodsLedger;
import kr.kaesongcrossing.checkpoint.roster.Roster;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Each role's home page against seeded rows whose figures are known. The database is shared with other tests, so
 * counts are checked as what the seeding added to the figures before it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts accounts;
    @Autowired
    GoodsLedger goods;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationFigures figures;

    @Autowired
    Roster roster;

    CheckpointFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CheckpointFixtures(jdbc, events, transactions, accounts);
    }

    @Test
    void officerSeesTheQueueByAgeTheOldestAndTheirDecisionsOfToday() throws Exception {
        AccountPrincipal officer = accounts.create(Role.OFFICER);
        AccountPrincipal applicant = accounts.create(Role.CIVILIAN);
        ApplicationFigures.QueueAge before = figures.queueAge();
        Instant now = Instant.now();
        String oldest = submitted(applicant, now.minus(Duration.ofDays(3)).minus(Duration.ofHours(1)));
        long decided = id(submitted(applicant, now.minus(Duration.ofDays(3))));
        submitted(applicant, now.minus(Duration.ofDays(1)));
        decision(decided, officer, "APPROVED_FOR_TRAVEL", now);
        decision(decided, officer, "REJECTED", now.minus(Duration.ofDays(2))); // not today
        decision(decided, accounts.create(Role.OFFICER), "REJECTED", now); // someone else's

        String page = page(officer);

        assertThat(number(page, "queue-waiting")).isEqualTo(before.waiting() + 3);
        assertThat(number(page, "queue-late")).as("two over 2 days").isEqualTo(before.overTwoDays() + 2);
        assertThat(number(page, "decisions-today")).isEqualTo(1);
        assertThat(page).contains(">" + oldest + "</a>", "href=\"/review\"", "href=\"/review/consent\"");
    }

    @Test
    void civilianSeesTheirNextTripPassAndCrossingsButNobodyElses() throws Exception {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        CheckpointFixtures.IssuedPass mine = fixtures.pass("본인" + suffix(), today.plusDays(1), today.plusDays(3));
        CheckpointFixtures.IssuedPass theirs = fixtures.pass("남" + suffix(), today, today.plusDays(2));
        crossed(mine, "DORASAN", Instant.now().minus(Duration.ofDays(30)));
        crossed(theirs, "KAESONG", Instant.now().minus(Duration.ofHours(2)));
        String myReference = reference(mine.applicationId());
        jdbc.update("UPDATE travel_application SET northbound_slot = ?, southbound_slot = ? WHERE id = ?",
                new SlotKey(TravelDirection.NORTHBOUND, today.plusDays(1), LocalTime.of(8, 30)).toString(),
                new SlotKey(TravelDirection.SOUTHBOUND, today.plusDays(3), LocalTime.of(17, 0)).toString(),
                mine.applicationId());
        long sentBack = id(submitted(mine.holder(), Instant.now()));
        jdbc.update("UPDATE travel_application SET status = 'INFORMATION_REQUESTED' WHERE id = ?", sentBack);

        String page = page(mine.holder());

        assertThat(page).contains(myReference, "/passes/" + mine.passId(), "/applications/" + sentBack)
                .doesNotContain(reference(theirs.applicationId()), theirs.passId());
        assertThat(page).as("my crossing, not theirs").contains("도라산 남북출입사무소").doesNotContain("연락사무소 구역 출입문");
        assertThat(page).contains("출경 시간대: " + today.plusDays(1) + " 08:30", "입경 시간대: " + today.plusDays(3) + " 17:00");
        assertThat(page).contains("href=\"/applications/new\"", "href=\"/passes\"");
    }

    @Test
    void checkpointHomeRendersEveryLiveNumberAsTheRosterCountsIt() throws Exception {
        CheckpointFixtures.IssuedPass late = fixtures.pass("늦음" + suffix());
        jdbc.update("INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, since, visits, "
                + "lane, valid_until, position, last_gate, last_direction) VALUES (?, ?, ?, ?, 1, 'A', ?, "
                + "'IN_TRANSIT', 'DORASAN', 'NORTHBOUND')", late.passId(), late.applicationId(), late.nameKorean(),
                LocalDateTime.now(ZoneOffset.UTC).minusHours(3), LocalDateTime.now(ZoneOffset.UTC).minusHours(1));
        try {
            List<Roster.Across> across = roster.across();
            for (Role role : List.of(Role.CHECKPOINT, Role.SUPERVISOR)) {
                String page = page(accounts.create(role));
                assertThat(live(page, "inside")).isEqualTo(across.stream()
                        .filter(a -> !a.vehicle() && !a.inTransit()).count());
                assertThat(live(page, "inTransit")).isEqualTo(across.stream()
                        .filter(a -> !a.vehicle() && a.inTransit()).count());
                assertThat(live(page, "vehicles")).isEqualTo(across.stream().filter(Roster.Across::vehicle).count());
                assertThat(live(page, "transitTooLong")).isPositive().isEqualTo(across.stream()
                        .filter(Roster.Across::transitTooLong).count());
                assertThat(live(page, "overstays")).isPositive().isEqualTo(across.stream()
                        .filter(Roster.Across::overstay).count());
                assertThat(live(page, "alerts")).isPositive().isEqualTo(across.stream()
                        .filter(a -> a.alert() != null).count());
                // as the goods page lists them open: lines that did not come back included
                assertThat(live(page, "openGoodsDifferences")).isEqualTo(goods.openUpTo(goods.today()).size());
                assertThat(page).contains("id=\"route-mode\"", "href=\"/checkpoint\"", "href=\"/checkpoint/roster\"");
            }
        } finally {
            jdbc.update("DELETE FROM pass_presence WHERE pass_id = ?", late.passId());
        }
    }

    @Test
    void checkpointHomeShowsTheSlotsAtTheGateOfTheStationSetUpInThisSession() throws Exception {
        AccountPrincipal lane = accounts.create(Role.CHECKPOINT);
        assertThat(page(lane)).contains("href=\"/checkpoint\"").doesNotContain("id=\"gate-slot\"");

        Cookie session = Arrays.stream(mvc.perform(post("/checkpoint/station").param("gate", "KAESONG")
                        .param("lane", "2").param("direction", "SOUTHBOUND").with(signedIn(lane)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookies())
                .filter(c -> c.getName().endsWith("SESSION")).findFirst().orElseThrow();
        String home = mvc.perform(get("/").cookie(session).with(signedIn(lane))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(home).contains("id=\"gate-slot\"", "개성 연락사무소 구역 출입문, 입경");
    }

    @Test
    void adminSeesAccountsNeedingAttention() throws Exception {
        AccountPrincipal admin = accounts.create(Role.ADMIN);
        long bareBefore = adminNumber(admin, "accounts-bare");
        long lockedBefore = adminNumber(admin, "accounts-locked");
        accounts.createNotEnrolled(Role.CHECKPOINT);
        AccountPrincipal locked = accounts.create(Role.CIVILIAN);
        jdbc.update("UPDATE user_account SET locked_until = ? WHERE id = ?",
                LocalDateTime.now(ZoneOffset.UTC).plusMinutes(10), locked.id());

        String page = page(admin);

        assertThat(number(page, "accounts-bare")).isEqualTo(bareBefore + 1);
        assertThat(number(page, "accounts-locked")).isEqualTo(lockedBefore + 1);
        assertThat(page).contains("id=\"audit-verified\"", "href=\"/admin/users\"", "href=\"/admin/keys\"");
    }

    private long adminNumber(AccountPrincipal admin, String id) throws Exception {
        return number(page(admin), id);
    }

    private String page(AccountPrincipal who) throws Exception {
        return mvc.perform(get("/").with(signedIn(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String submitted(AccountPrincipal applicant, Instant at) {
        String reference = "KC-H-" + suffix();
        LocalDateTime when = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        LocalDate entry = LocalDate.now(OfficeTime.ZONE).plusDays(20);
        jdbc.update("INSERT INTO travel_application (reference, applicant_id, status, name_korean, entry_date, "
                + "return_date, created_at, updated_at, submitted_at) VALUES (?, ?, 'SUBMITTED', '심사', ?, ?, ?, ?, ?)",
                reference, applicant.id(), entry, entry.plusDays(1), when, when, when);
        return reference;
    }

    private void decision(long applicationId, AccountPrincipal officer, String to, Instant at) {
        jdbc.update("INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, "
                + "actor_id, actor_name, actor_role) VALUES (?, 'SUBMITTED', ?, ?, ?, 'officer', 'OFFICER')",
                applicationId, to, LocalDateTime.ofInstant(at, ZoneOffset.UTC), officer.id());
    }

    private void crossed(CheckpointFixtures.IssuedPass pass, String gate, Instant at) {
        LocalDateTime when = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.update("INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, "
                + "lane, operator_name, result, gate) VALUES (?, ?, ?, ?, ?, 'NORTHBOUND', 'A', 'lane', 'ACCEPTED', ?)",
                UUID.randomUUID().toString(), pass.passId(), pass.applicationId(), when, when, gate);
    }

    private long id(String reference) {
        return jdbc.queryForObject("SELECT id FROM travel_application WHERE reference = ?", Long.class, reference);
    }

    private String reference(long applicationId) {
        return jdbc.queryForObject("SELECT reference FROM travel_application WHERE id = ?", String.class,
                applicationId);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long number(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long live(String page, String name) {
        Matcher m = Pattern.compile("data-live=\"" + name + "\"[^>]*>(\\d+)<").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return Long.parseLong(m.group(1));
    }
}
