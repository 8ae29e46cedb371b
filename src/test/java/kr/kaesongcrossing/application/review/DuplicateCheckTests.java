package kr.kaesongcrossing.application.review;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.permit.PermitTerms;
import kr.kaesongcrossing.application.permit.Permits;
import kr.kaesongcrossing.application.permit.StandingPermit;
import kr.kaesongcrossing.application.profile.ProfileDetails;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.IdentityHash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;

/**
 * The duplicate check: the same person (keyed hash of the ID number, or date of birth and name) holding overlapping
 * dates in another open application is flagged in the queue and named on the review page.
 */
class DuplicateCheckTests extends ApplicationTestSupport {

    @Autowired
    Duplicates duplicates;
    @Autowired
    IdentityHash hash;
    @Autowired
    List<ApplicationRunner> runners;
    @Autowired
    Permits permits;
    @Autowired
    Profiles profiles;

    @Test
    void shouldFlagTheSamePersonByIdNumberForOverlappingDatesOnlyWhileBothAreOpen() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        String number = "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        LocalDate entry = someEntryDate();
        AccountPrincipal firstApplicant = account(Role.CIVILIAN);
        long first = create(firstApplicant, uniqueKoreanName(), "KIM A", LocalDate.of(1970, 1, 1), number,
                entry, entry.plusDays(3));
        // typed in lower case with a hyphen by another account, another name: the same number all the same
        long second = create(account(Role.CIVILIAN), uniqueKoreanName(), "KIM B", LocalDate.of(1971, 2, 2),
                number.toLowerCase().substring(0, 3) + "-" + number.toLowerCase().substring(3), entry.plusDays(2),
                entry.plusDays(5));
        long later = create(account(Role.CIVILIAN), uniqueKoreanName(), "KIM C", LocalDate.of(1972, 3, 3), number,
                entry.plusDays(6), entry.plusDays(8));

        assertThat(duplicates.flagged(List.of(first, second, later))).containsExactlyInAnyOrder(first, second);
        assertThat(duplicates.holders(entity(second))).singleElement().satisfies(h -> {
            assertThat(h.applicationId()).isEqualTo(first);
            assertThat(h.match()).isEqualTo(Duplicates.Match.ID_NUMBER);
        });
        mvc.perform(get("/review/applications/" + second).with(signedIn(officer)))
                .andExpect(content().string(containsString("중복 의심")))
                .andExpect(content().string(containsString(entity(first).getReference())))
                .andExpect(content().string(containsString("신분증 번호 같음")));
        mvc.perform(get("/review/applications/" + later).with(signedIn(officer)))
                .andExpect(content().string(not(containsString("중복 의심"))));
        mvc.perform(get("/review").param("q", "KIM B").param("status", "ALL").with(signedIn(officer)))
                .andExpect(content().string(containsString("중복 의심")));

        applications.withdraw(first, firstApplicant, "취소");
        assertThat(duplicates.flagged(List.of(first, second, later))).isEmpty();
    }

    @Test
    void shouldFlagTheSameNameAndDateOfBirthWithAnotherIdNumber() {
        String name = uniqueKoreanName();
        LocalDate birth = LocalDate.of(1985, 6, 7);
        LocalDate entry = someEntryDate();
        long passport = create(account(Role.CIVILIAN), name, "PARK X", birth, "M11112222", entry, entry.plusDays(2));
        long otherDocument = create(account(Role.CIVILIAN), name, "BAK X", birth, "R99990000", entry, entry);
        long otherBirthday = create(account(Role.CIVILIAN), name, "PARK X", birth.plusDays(1), "R88880000", entry,
                entry);

        assertThat(duplicates.holders(entity(otherDocument))).extracting(Duplicates.Holder::applicationId,
                Duplicates.Holder::match).containsExactly(org.assertj.core.groups.Tuple.tuple(passport,
                        Duplicates.Match.NAME_AND_BIRTH));
        assertThat(duplicates.flagged(List.of(passport, otherDocument, otherBirthday)))
                .containsExactlyInAnyOrder(passport, otherDocument);
    }

    @Test
    void shouldFlagAnApplicationOfSomeoneHoldingAValidStandingPermitForOverlappingDates() throws Exception {
        String number = "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        long company = organisation();
        AccountPrincipal holder = account(Role.CIVILIAN);
        jdbc.update("INSERT INTO organisation_member (organisation_id, account_id, role, joined_at)"
                + " VALUES (?, ?, ?, ?)", company, holder.id(), "MEMBER", Timestamp.from(Instant.now()));
        profiles.saveOwn(holder, new ProfileDetails(uniqueKoreanName(), "CHOI P", LocalDate.of(1975, 4, 4), "KOR",
                IdDocumentType.PASSPORT, number, "010-1111-2222"), PHOTO);
        AccountPrincipal officer = account(Role.OFFICER);
        StandingPermit permit = permits.grant(new PermitTerms(holder.id(), company, Purpose.ECONOMIC_COOPERATION,
                "상주 근무", true, true, today(), today().plusDays(60)), officer.id());
        assertThat(jdbc.queryForObject("select id_number_hash from standing_permit where id = ?", String.class,
                permit.getId())).isEqualTo(hash.of(number));

        // another account, another name, the same number typed in lower case: overlapping the permit, and after it
        long inside = create(account(Role.CIVILIAN), uniqueKoreanName(), "CHOI Q", LocalDate.of(1976, 5, 5),
                number.toLowerCase(), today().plusDays(50), today().plusDays(62));
        long after = create(account(Role.CIVILIAN), uniqueKoreanName(), "CHOI R", LocalDate.of(1976, 5, 5), number,
                today().plusDays(63), today().plusDays(65));

        assertThat(duplicates.flagged(List.of(inside, after))).containsExactly(inside);
        assertThat(duplicates.holders(entity(inside))).singleElement().satisfies(h -> {
            assertThat(h.permitId()).isEqualTo(permit.getId());
            assertThat(h.reference()).isEqualTo(permit.reference());
            assertThat(h.from()).isEqualTo(today());
            assertThat(h.to()).isEqualTo(today().plusDays(60));
        });
        mvc.perform(get("/review/applications/" + inside).with(signedIn(officer)))
                .andExpect(content().string(containsString("중복 의심")))
                .andExpect(content().string(containsString("상시 출입 허가 " + permit.reference())));
        // a permit granted before its hash was stored gets it at start-up, from the data on file
        jdbc.update("update standing_permit set id_number_hash = null where id = ?", permit.getId());
        assertThat(duplicates.flagged(List.of(inside))).isEmpty();
        for (ApplicationRunner runner : runners) {
            if (runner.getClass().getSimpleName().startsWith("PermitIdentityHashes")) {
                runner.run(null);
            }
        }
        assertThat(duplicates.flagged(List.of(inside))).containsExactly(inside);
        // a booking on the permit is not flagged against its own permit
        jdbc.update("update travel_application set permit_id = ? where id = ?", permit.getId(), inside);
        assertThat(duplicates.flagged(List.of(inside))).isEmpty();
        jdbc.update("update travel_application set permit_id = null where id = ?", inside);

        permits.revoke(permit.getId(), "퇴사", officer);
        assertThat(duplicates.flagged(List.of(inside))).isEmpty();
        assertThat(duplicates.holders(entity(inside))).isEmpty();
    }

    private long organisation() {
        String number = "D-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.update("INSERT INTO organisation (name_ko, name_en, type, registration_number, created_at) "
                + "VALUES ('중복 기업', 'Duplicate company', 'COMPANY', ?, ?)", number, Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM organisation WHERE registration_number = ?", Long.class, number);
    }

    @Test
    void shouldStoreOnlyTheKeyedHashAndFillItForRowsWithoutOneAtStartUp() throws Exception {
        String number = "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        LocalDate entry = someEntryDate();
        long id = create(account(Role.CIVILIAN), uniqueKoreanName(), "LEE Y", LocalDate.of(1990, 1, 1), number,
                entry, entry.plusDays(1));
        String stored = jdbc.queryForObject("select id_number_hash from travel_application where id = ?",
                String.class, id);
        assertThat(stored).hasSize(64).isEqualTo(hash.of(number)).doesNotContain(number.substring(1));

        jdbc.update("update travel_application set id_number_hash = null where id = ?", id);
        for (ApplicationRunner runner : runners) {
            if (runner.getClass().getSimpleName().startsWith("IdNumberHashes")) {
                runner.run(null);
            }
        }
        assertThat(jdbc.queryForObject("select id_number_hash from travel_application where id = ?", String.class,
                id)).isEqualTo(stored);
    }

    private long create(AccountPrincipal applicant, String nameKorean, String nameLatin, LocalDate birth,
            String idNumber, LocalDate entry, LocalDate ret) {
        return applications.create(applicant, new TripDetails(nameKorean, nameLatin, birth, "KOR",
                IdDocumentType.PASSPORT, idNumber, "010-0000-0000", "테스트 기관", Purpose.TALKS, "업무 협의", entry, ret,
                null, null, List.of(new GoodsLine("노트북", 1, 1_500_000)),
                slotWithRoom(TravelDirection.NORTHBOUND, entry, 0), slotWithRoom(TravelDirection.SOUTHBOUND, ret, 0)),
                PHOTO, true);
    }

    private TravelApplication entity(long id) {
        return repository.findById(id).orElseThrow();
    }
}
