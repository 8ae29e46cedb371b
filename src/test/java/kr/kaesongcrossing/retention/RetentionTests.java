package kr.kaesongcrossing.retention;

import static java.nio.charset.StandardCharsets.UTF_8;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.TestDatabase;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.permit.PermitTerms;
import kr.kaesongcrossing.application.permit.Permits;
import kr.kaesongcrossing.application.profile.ProfileDetails;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention on the real database (KC_TEST_DB=mysql for MariaDB) with the app's clock moved years ahead: a finished
 * trip loses its personal data and photo while the statistics stay, a recent one is untouched, a second run does
 * nothing more, two instances run the job once, the preview changes nothing and the audit chain still verifies
 * after its oldest events are gone. The job works on the whole database, as it does in production, and moves
 * years ahead: so this class has a database of its own, and the other suites' rows and audit chain stay as they are.
 */
@DirtiesContext
class RetentionTests extends ApplicationTestSupport {

    static final MovableClock CLOCK = new MovableClock();
    static final TestDatabase OWN = new TestDatabase();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", OWN::url);
    }

    @AfterAll
    static void dropOwnDatabase() {
        OWN.close();
    }

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    Retention retention;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditTrail trail;

    @Autowired
    Profiles profiles;

    @Autowired
    Permits permits;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void backToNow() {
        threads.shutdownNow();
        CLOCK.reset();
        jdbc.update("DELETE FROM retention_settings");
    }

    @Test
    void shouldAnonymiseAFinishedTripWithItsPhotoAndPassAndKeepItsStatistics() throws Exception {
        AccountPrincipal applicant = account(Role.CIVILIAN);
        String organisation = "보존-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate entry = today().plusDays(10);
        long finished = trip(applicant, organisation, entry, Purpose.TALKS);
        long recent = trip(applicant, organisation, today().plusDays(100), Purpose.TALKS);
        approve(finished, applicant, entry);
        long scan = crossing(finished, entry);
        List<Map<String, Object>> statistics = statistics(organisation);
        long steps = steps(finished);

        CLOCK.moveTo(entry.plusDays(2 + 1095 + 1));
        Retention.Counts counts = run();

        Map<String, Object> row = application(finished);
        assertThat(row.get("name_korean")).isNull();
        assertThat(row.get("name_latin")).isNull();
        assertThat(row.get("date_of_birth")).isNull();
        assertThat(row.get("id_number_encrypted")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("anonymised_at")).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM application_photo WHERE application_id = ?", finished)).isZero();
        assertThat(steps(finished)).isEqualTo(steps);
        assertThat(count("SELECT COUNT(*) FROM application_status_change WHERE application_id = ?"
                + " AND actor_name IS NOT NULL", finished)).isZero();
        assertThat(jdbc.queryForMap("SELECT holder_name_korean, holder_name_latin, token FROM pass"
                + " WHERE application_id = ?", finished).values()).containsOnlyNulls();
        assertThat(count("SELECT COUNT(*) FROM pass_photo p JOIN pass s ON s.id = p.pass_pk"
                + " WHERE s.application_id = ?", finished)).isZero();
        Map<String, Object> log = jdbc.queryForMap("SELECT * FROM crossing_log WHERE id = ?", scan);
        assertThat(log.get("pass_id")).isNull();
        assertThat(log.get("application_id")).isNull();
        assertThat(log.get("holder_name_korean")).isNull();
        assertThat(log).containsEntry("gate", "KAESONG").containsEntry("direction", "NORTHBOUND")
                .containsEntry("result", "ACCEPTED");
        assertThat(statistics(organisation)).isEqualTo(statistics);
        assertThat(counts.finishedTrips()).isPositive();
        assertThat(counts.passes()).isPositive();

        Map<String, Object> untouched = application(recent);
        assertThat(untouched.get("name_korean")).isNotNull();
        assertThat(untouched.get("anonymised_at")).isNull();
        assertThat(count("SELECT COUNT(*) FROM application_photo WHERE application_id = ?", recent)).isOne();

        String detail = jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'retention.run'"
                + " ORDER BY id DESC LIMIT 1", String.class);
        assertThat(detail).contains("finished-trips=" + counts.finishedTrips(), "passes=" + counts.passes());

        // the pages still show an anonymised trip (without the data), never an error
        AccountPrincipal officer = account(Role.OFFICER);
        String passId = jdbc.queryForObject("SELECT pass_id FROM pass WHERE application_id = ?", String.class,
                finished);
        mvc.perform(get("/applications").with(signedIn(applicant))).andExpect(status().isOk());
        mvc.perform(get("/applications/" + finished).with(signedIn(applicant))).andExpect(status().isOk());
        mvc.perform(get("/review/applications/" + finished).with(signedIn(officer))).andExpect(status().isOk());
        mvc.perform(get("/passes/" + passId).with(signedIn(officer))).andExpect(status().isOk());
        mvc.perform(get("/passes/" + passId + "/qr.png").with(signedIn(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/passes/" + passId + "/pdf").with(signedIn(officer))).andExpect(status().isNotFound());

        Object anonymisedAt = row.get("anonymised_at");
        Retention.Counts again = run();
        assertThat(again.finishedTrips()).isZero();
        assertThat(again.passes()).isZero();
        assertThat(again.crossingLog()).isZero();
        assertThat(application(finished).get("anonymised_at")).isEqualTo(anonymisedAt);
    }

    @Test
    void shouldAnonymiseOldManifestsRosterNamesAndUndeliveredEventsAndLeaveRecentOnes() throws Exception {
        LocalDate day = today().plusDays(10);
        String oldSlot = "N-" + day + "-0830";
        String recentSlot = "N-" + day.plusDays(200) + "-0830";
        String person = "T\tKC-OLD\t김보존\tKIM BOJON\t1980-01-02\t보존 기관\tPASSPORT\t\t12가3456\tCAR\n"
                + "G\tKC-OLD\t쌀\t10\t50000\n";
        long oldVersion = manifestVersion(oldSlot, person);
        long recentVersion = manifestVersion(recentSlot, person);
        Instant ended = OfficeTime.startOfDay(day.plusDays(3));
        String home = presence(ended, "SOUTH");
        String inside = presence(ended, "INSIDE");
        String recentHolder = presence(OfficeTime.startOfDay(day.plusDays(200)), "SOUTH");
        UUID oldEvent = publication(OfficeTime.startOfDay(day));
        UUID recentEvent = publication(OfficeTime.startOfDay(day.plusDays(1095)));

        CLOCK.moveTo(day.plusDays(3 + 1095 + 1));
        Retention.Counts preview = retention.preview();
        Retention.Counts counts = run();

        assertThat(counts.manifests()).isPositive().isEqualTo(preview.manifests());
        assertThat(counts.presence()).isPositive().isEqualTo(preview.presence());
        assertThat(counts.publications()).isPositive().isEqualTo(preview.publications());
        Map<String, Object> version = jdbc.queryForMap("SELECT content, anonymised_at FROM manifest_version"
                + " WHERE id = ?", oldVersion);
        assertThat((String) version.get("content")).doesNotContain("김보존", "KIM BOJON", "1980-01-02", "12가3456")
                .contains("KC-OLD", "보존 기관", "PASSPORT", "CAR", "쌀\t10\t50000");
        assertThat(version.get("anonymised_at")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT content FROM manifest_version WHERE id = ?", String.class,
                recentVersion)).isEqualTo(person);
        // the old version still downloads, one traveller with the goods, saying it was anonymised
        AccountPrincipal officer = account(Role.OFFICER);
        String csv = mvc.perform(get("/review/slots/" + oldSlot + "/versions/1/manifest.csv").with(signedIn(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(csv).contains("KC-OLD", "익명화").doesNotContain("김보존");
        mvc.perform(get("/review/slots/" + oldSlot + "/versions/1/manifest.pdf").with(signedIn(officer)))
                .andExpect(status().isOk());

        assertThat(holderNames(home)).containsOnlyNulls();
        assertThat(holderNames(inside)).containsExactly("김보존", "KIM BOJON");
        assertThat(holderNames(recentHolder)).containsExactly("김보존", "KIM BOJON");

        assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID = ?", oldEvent.toString())).isZero();
        assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID = ?", recentEvent.toString()))
                .isOne();
        String detail = jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'retention.run'"
                + " ORDER BY id DESC LIMIT 1", String.class);
        assertThat(detail).contains("manifests=" + counts.manifests(), "presence=" + counts.presence(),
                "publications=" + counts.publications());
        assertThat(run().manifests()).isZero();
    }

    @Test
    void shouldAnonymiseEndedPermitsAndFinishedGroupsAndDeleteUnusedProfilesOfPeopleWithoutAnAccount()
            throws Exception {
        long company = organisation();
        AccountPrincipal coordinator = member(company, "COORDINATOR");
        AccountPrincipal holder = member(company, "MEMBER");
        AccountPrincipal resident = member(company, "MEMBER");
        long own = profiles.saveOwn(holder, person(), PHOTO);
        submitted(resident);
        String unusedName = uniqueKoreanName();
        long unused = profiles.saveKept(coordinator, company, null, null, person(unusedName), PHOTO);
        long used = profiles.saveKept(coordinator, company, null, null, person(), PHOTO);
        jdbc.update("UPDATE traveller_profile SET used_until = ? WHERE id = ?", today().plusDays(20), used);
        long aboutMember = profiles.saveKept(coordinator, company, null, resident.id(), person(), PHOTO);
        AccountPrincipal officer = account(Role.OFFICER);
        long revoked = permits.grant(new PermitTerms(holder.id(), company, Purpose.ECONOMIC_COOPERATION, "상주 근무 김보존",
                true, true, today(), today().plusMonths(5)), officer.id()).getId();
        jdbc.update("INSERT INTO permit_renewal (permit_id, requested_by, requested_at, status, decided_at, decided_by,"
                + " decline_reason) VALUES (?, ?, ?, 'DECLINED', ?, ?, '김보존 계약 종료')", revoked, coordinator.id(),
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), officer.id());
        permits.revoke(revoked, "김보존 퇴사", officer);
        long running = permits.grant(new PermitTerms(resident.id(), company, Purpose.ECONOMIC_COOPERATION,
                "상주 근무", true, true, today(), today().plusMonths(5)), officer.id()).getId();
        long group = group(coordinator, company, today().plusDays(3));

        CLOCK.moveTo(today().plusDays(1095 + 10));
        Retention.Counts preview = retention.preview();
        Retention.Counts counts = run();

        assertThat(counts.permits()).isEqualTo(preview.permits()).isPositive();
        assertThat(counts.groups()).isEqualTo(preview.groups()).isPositive();
        assertThat(counts.profiles()).isEqualTo(preview.profiles()).isPositive();
        assertThat(counts.passes()).isEqualTo(preview.passes()).isPositive();
        // the revoked permit's pass (no application) lost its names, token and photo; the running one's kept them
        assertThat(jdbc.queryForList("SELECT holder_name_korean, token FROM pass WHERE permit_id = ?", revoked)
                .stream().flatMap(r -> r.values().stream())).containsOnlyNulls();
        assertThat(count("SELECT COUNT(*) FROM pass_photo p JOIN pass s ON s.id = p.pass_pk WHERE s.permit_id = ?",
                revoked)).isZero();
        assertThat(jdbc.queryForObject("SELECT holder_name_korean FROM pass WHERE current_for_permit = ?",
                String.class, running)).isNotNull();
        Map<String, Object> permit = jdbc.queryForMap("SELECT * FROM standing_permit WHERE id = ?", revoked);
        assertThat(permit.get("purpose_detail")).isEqualTo("");
        assertThat(permit.get("revocation_reason")).isNull();
        assertThat(permit.get("id_number_hash")).isNull();
        assertThat(jdbc.queryForList("SELECT decline_reason FROM permit_renewal WHERE permit_id = ?", String.class,
                revoked)).containsOnlyNulls();
        assertThat(permit.get("anonymised_at")).isNotNull();
        assertThat(((Number) permit.get("holder_id")).longValue()).isEqualTo(holder.id());
        assertThat(jdbc.queryForObject("SELECT anonymised_at FROM standing_permit WHERE id = ?", Object.class,
                running)).isNull();
        // the group keeps its reference, dates and counts, without free text or names
        assertThat(jdbc.queryForObject("SELECT purpose_detail FROM trip_group WHERE id = ?", String.class, group))
                .isEmpty();
        assertThat(jdbc.queryForList("SELECT actor_name FROM trip_group_event WHERE group_id = ?", String.class,
                group)).containsOnly("");
        // the unused profile of a person without an account is gone with its photo and history
        for (String table : List.of("traveller_profile_photo", "traveller_profile_change")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE profile_id = ?", unused)).as(table).isZero();
        }
        assertThat(jdbc.queryForList("SELECT id FROM traveller_profile WHERE id IN (?, ?, ?, ?)", Long.class, unused,
                used, aboutMember, own)).containsExactlyInAnyOrder(used, aboutMember, own);
        String list = mvc.perform(get("/profile/organisations/" + company).with(signedIn(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(list).doesNotContain(unusedName);

        Retention.Counts again = run();
        assertThat(again.permits()).isZero();
        assertThat(again.groups()).isZero();
        assertThat(again.profiles()).isZero();
    }

    @Test
    void shouldAnonymiseAWithdrawnApplicationAfterAYear() {
        AccountPrincipal applicant = account(Role.CIVILIAN);
        long withdrawn = trip(applicant, "철회 기관", today().plusDays(30), Purpose.TALKS);
        applications.withdraw(withdrawn, applicant, null);

        CLOCK.moveTo(today().plusDays(300));
        run();
        assertThat(application(withdrawn).get("name_korean")).isNotNull();

        CLOCK.moveTo(today().plusDays(367));
        run();
        assertThat(application(withdrawn).get("name_korean")).isNull();
        assertThat(application(withdrawn).get("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void shouldChangeNothingOnPreview() throws Exception {
        AccountPrincipal applicant = account(Role.CIVILIAN);
        LocalDate entry = today().plusDays(10);
        long finished = trip(applicant, "미리보기 기관", entry, Purpose.TALKS);
        CLOCK.moveTo(entry.plusDays(2 + 1095 + 1));

        assertThat(retention.preview().finishedTrips()).isPositive();
        String page = mvc.perform(get("/admin/retention/preview").with(signedIn(account(Role.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<td>" + retention.preview().finishedTrips() + "</td>");
        assertThat(application(finished).get("name_korean")).isNotNull();
        assertThat(application(finished).get("anonymised_at")).isNull();
    }

    @Test
    void shouldRunByHandFromTheSettingsPageWithTheAdminAsActor() throws Exception {
        AccountPrincipal admin = account(Role.ADMIN);
        unlock();
        var ran = mvc.perform(post("/admin/retention/run").with(signedIn(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(ran.getFlashMap().get("ran")).isInstanceOf(Retention.Counts.class);
        assertThat(jdbc.queryForObject("SELECT actor_id FROM audit_event WHERE action = 'retention.run'"
                + " ORDER BY id DESC LIMIT 1", String.class)).isEqualTo(Long.toString(admin.id()));
    }

    @Test
    void shouldRunOnceWhenTwoInstancesStartTheJobTogether() throws Exception {
        unlock();
        long before = count("SELECT COUNT(*) FROM audit_event WHERE action = 'retention.run'");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Retention.Counts>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> {
                start.await();
                return retention.runBy(Actor.system("race"));
            }));
        }
        start.countDown();
        int ran = 0;
        for (Future<Optional<Retention.Counts>> run : runs) {
            ran += run.get(120, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }

        assertThat(ran).isOne();
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'retention.run'")).isEqualTo(before + 1);
    }

    @Test
    void shouldKeepTheAuditChainVerifiableWhenItsOldestEventsAreDeleted() throws Exception {
        String subject = UUID.randomUUID().toString();
        trail.recordAs(Actor.system("retention-test"), "test.old", Subject.of("test", subject),
                AuditTrail.Outcome.SUCCESS, null);
        // later than every event the other tests write with their clocks moved, so all those are older
        CLOCK.moveTo(today().plusDays(4000));
        trail.recordAs(Actor.system("retention-test"), "test.kept", Subject.of("test", subject),
                AuditTrail.Outcome.SUCCESS, null);

        CLOCK.moveTo(today().plusDays(4000 + 3650));
        Retention.Counts counts = run();

        assertThat(counts.auditEvents()).isPositive();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE subject_id = ?", String.class, subject))
                .containsExactly("test.kept");
        String page = mvc.perform(post("/admin/audit/verify").with(signedIn(account(Role.ADMIN))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("krds-alert success").doesNotContain("krds-alert danger");
    }

    @Test
    void shouldSaveValidPeriodsAuditedAndRefuseTooShortOnes() throws Exception {
        AccountPrincipal admin = account(Role.ADMIN, "en");
        mvc.perform(post("/admin/retention").with(signedIn(admin)).with(csrf()).param("tripDays", "730")
                        .param("refusedDays", "200").param("crossingLogDays", "730").param("mailDays", "60")
                        .param("auditDays", "3650"))
                .andExpect(status().is3xxRedirection());
        assertThat(retention.periods()).isEqualTo(new RetentionForm(730, 200, 730, 60, 3650));
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'retention.settings-changed'"
                + " ORDER BY id DESC LIMIT 1", String.class)).contains("trip-days=730");

        String page = mvc.perform(post("/admin/retention").with(signedIn(admin)).with(csrf())
                        .cookie(ENGLISH).param("tripDays", "730").param("refusedDays", "200")
                        .param("crossingLogDays", "730").param("mailDays", "60").param("auditDays", "365"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Enter a number of days from 1825 (five years) to 36500.");
        assertThat(retention.periods().auditDays()).isEqualTo(3650);
    }

    @Test
    void shouldRefuseEveryoneButAdmin() throws Exception {
        for (Role role : List.of(Role.CIVILIAN, Role.OFFICER, Role.CHECKPOINT, Role.SUPERVISOR)) {
            AccountPrincipal caller = account(role);
            mvc.perform(get("/admin/retention").with(signedIn(caller))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/retention/run").with(signedIn(caller)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    private long organisation() {
        String number = "R-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('보존 기업', 'Kept company', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }

    private AccountPrincipal member(long organisation, String role) {
        AccountPrincipal person = account(Role.CIVILIAN);
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at) VALUES (?, ?, ?, ?)",
                organisation, person.id(), role, Timestamp.from(Instant.now()));
        return person;
    }

    private static ProfileDetails person() {
        return person(uniqueKoreanName());
    }

    private static ProfileDetails person(String name) {
        return new ProfileDetails(name, "KIM BOJON", LocalDate.of(1985, 5, 5), "KOR", IdDocumentType.PASSPORT,
                "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)), "010-3333-4444");
    }

    /** A group trip returning on {@code returnDate}, filed and decided by named people (rows only: no seats). */
    private long group(AccountPrincipal coordinator, long organisation, LocalDate returnDate) {
        String reference = "KG-R-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO trip_group (reference, organisation_id, coordinator_id, purpose, purpose_detail,"
                + " entry_date, return_date, created_at) VALUES (?, ?, ?, 'TALKS', '김보존 외 2명 회의', ?, ?, ?)",
                reference, organisation, coordinator.id(), returnDate.minusDays(2), returnDate,
                Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("SELECT id FROM trip_group WHERE reference = ?", Long.class, reference);
        jdbc.update("INSERT INTO trip_group_event (group_id, at, actor_id, actor_name, action, detail)"
                + " VALUES (?, ?, ?, '김담당', 'FILED', '3')", id, Timestamp.from(Instant.now()), coordinator.id());
        return id;
    }

    /** A run by hand, as after the lock of the one before has ended. */
    private Retention.Counts run() {
        unlock();
        return retention.runBy(Actor.system("retention-test")).orElseThrow();
    }

    /**
     * Ends the job's lock (lockAtLeastFor keeps it a minute). The row stays: ShedLock remembers it made it and
     * only updates it afterwards.
     */
    private void unlock() {
        jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ?", Retention.JOB);
    }

    private long trip(AccountPrincipal applicant, String organisation, LocalDate entry, Purpose purpose) {
        long id = applications.create(applicant, details(uniqueKoreanName(), entry, entry.plusDays(2), purpose),
                PHOTO, true);
        jdbc.update("UPDATE travel_application SET organisation = ? WHERE id = ?", organisation, id);
        return id;
    }

    /** The pass module issues a pass with the photo, as on approval. */
    private void approve(long id, AccountPrincipal applicant, LocalDate entry) {
        Map<String, Object> row = application(id);
        transactions.executeWithoutResult(status -> events.publishEvent(new TripApprovedForTravel(id,
                (String) row.get("reference"), applicant.id(), (String) row.get("name_korean"), "TEST PERSON",
                LocalDate.of(1980, 1, 2), "KOR", entry, entry.plusDays(2), TestImages.portraitJpeg())));
    }

    /** An accepted northbound scan of the trip's pass on its entry day. */
    private long crossing(long application, LocalDate entry) {
        Map<String, Object> pass = jdbc.queryForMap("SELECT pass_id, holder_name_korean FROM pass"
                + " WHERE application_id = ?", application);
        Instant at = OfficeTime.startOfDay(entry).plus(Duration.ofHours(9));
        String scanId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction,"
                + " lane, operator_name, result, holder_name_korean, gate) VALUES (?, ?, ?, ?, ?, 'NORTHBOUND',"
                + " 'lane-1', '검사관', 'ACCEPTED', ?, 'KAESONG')", scanId, pass.get("pass_id"), application,
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), pass.get("holder_name_korean"));
        return jdbc.queryForObject("SELECT id FROM crossing_log WHERE scan_id = ?", Long.class, scanId);
    }

    private long manifestVersion(String slot, String content) {
        jdbc.update("INSERT INTO manifest_version (slot, version, created_at, created_by_id, created_by_name, content)"
                + " VALUES (?, 1, ?, 1, '김담당', ?)", slot, java.sql.Timestamp.from(Instant.now()), content);
        return jdbc.queryForObject("SELECT id FROM manifest_version WHERE slot = ?", Long.class, slot);
    }

    /** Where a holder whose pass ends at {@code validUntil} is now. */
    private String presence(Instant validUntil, String position) {
        String passId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, holder_name_latin, since,"
                + " visits, lane, valid_until, position) VALUES (?, 1, '김보존', 'KIM BOJON', ?, 1, 'lane-1', ?, ?)",
                passId, java.sql.Timestamp.from(validUntil), java.sql.Timestamp.from(validUntil), position);
        return passId;
    }

    private List<Object> holderNames(String passId) {
        return new ArrayList<>(jdbc.queryForMap("SELECT holder_name_korean, holder_name_latin FROM pass_presence"
                + " WHERE pass_id = ?", passId).values());
    }

    /** An event publication whose listener never finished; the listener id tells it apart. */
    private UUID publication(Instant publishedAt) {
        UUID listener = UUID.randomUUID();
        jdbc.update("INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE,"
                + " STATUS, COMPLETION_ATTEMPTS) VALUES (?, ?, 'java.lang.String', '\"김보존\"', ?, 'FAILED', 1)",
                UUID.randomUUID().toString(), listener.toString(), java.sql.Timestamp.from(publishedAt));
        return listener;
    }

    /** The counts the office reports: by entry day, purpose and status, for this test's organisation. */
    private List<Map<String, Object>> statistics(String organisation) {
        return jdbc.queryForList("SELECT entry_date, purpose, status, COUNT(*) AS n FROM travel_application"
                + " WHERE organisation = ? GROUP BY entry_date, purpose, status ORDER BY entry_date", organisation);
    }

    private long steps(long application) {
        return count("SELECT COUNT(*) FROM application_status_change WHERE application_id = ?", application);
    }

    private Map<String, Object> application(long id) {
        return jdbc.queryForMap("SELECT * FROM travel_application WHERE id = ?", id);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** The app's clock: now, or noon (KST) of a chosen day. */
    static final class MovableClock extends Clock {

        private volatile Instant moved;

        void moveTo(LocalDate day) {
            moved = OfficeTime.startOfDay(day).plus(Duration.ofHours(12));
        }

        void reset() {
            moved = null;
        }

        @Override
        public Instant instant() {
            Instant at = moved;
            return at == null ? Instant.now() : at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }
}
