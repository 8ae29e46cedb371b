package kr.kaesongcrossing.screening;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.model.WatchListHoldException;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Screening on the test database (H2, or MariaDB with KC_TEST_DB=mysql): on submission and when the list changes,
 * a possible match holds the application until an officer clears it with a reason, and is not raised again.
 */
class ScreeningTests extends ApplicationTestSupport {

    @Autowired
    WatchList watchList;

    @Autowired
    Screening screening;

    @Autowired
    ScreeningCatchUp catchUp;

    AccountPrincipal applicant;
    AccountPrincipal officer;
    final List<Long> entries = new ArrayList<>();

    @BeforeEach
    void setUp() {
        applicant = account(Role.CIVILIAN);
        officer = account(Role.OFFICER);
    }

    @AfterEach
    void removeEntries() {
        // the list is shared by every test on this database: leave nothing that could hold their applications
        entries.forEach(watchList::remove);
    }

    @Test
    void shouldHoldUndecidedApplicationsWhenAMatchingEntryIsAddedUntilAnOfficerClearsItWithAReason()
            throws Exception {
        String name = uniqueKoreanName();
        long id = submitted(applicant, name, someEntryDate(), Purpose.TALKS);
        assertThat(held(id)).isFalse();

        listed(name, null, null, null);

        assertThat(held(id)).isTrue();
        assertThatThrownBy(() -> reviews.approve(id, version(id), Actor.of(officer)))
                .isInstanceOf(WatchListHoldException.class);
        MvcResult refused = mvc.perform(post("/review/applications/" + id + "/approve").with(signedIn(officer))
                .with(csrf()).param("version", String.valueOf(version(id)))).andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("problem"))).contains("감시 명단 일치 가능성");
        assertThat(page("/review/applications/" + id)).contains("감시 명단 일치 가능성", "/review/screening/" + id);
        assertThat(page("/review/screening/" + id)).contains("미해소 일치", name, "제재 대상");

        long match = openMatch(id);
        String blank = mvc.perform(post("/review/screening/" + id + "/matches/" + match + "/clear")
                .with(signedIn(officer)).with(csrf()).param("reason", " ")).andReturn().getResponse()
                .getContentAsString();
        assertThat(blank).contains("미해소 일치");
        assertThat(held(id)).isTrue();

        MvcResult cleared = mvc.perform(post("/review/screening/" + id + "/matches/" + match + "/clear")
                .with(signedIn(officer)).with(csrf()).param("reason", "여권 생년월일이 다름, 통일부 확인"))
                .andReturn();

        assertThat(cleared.getFlashMap().get("cleared")).isEqualTo(true);
        assertThat(held(id)).isFalse();
        assertThat(page("/review/screening/" + id)).contains("해소 사유: 여권 생년월일이 다름, 통일부 확인");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'screening.cleared' "
                + "AND subject_id = ?", Long.class, String.valueOf(id))).isOne();

        listed("다른사람", null, null, null); // the list changes: everything undecided is screened again

        assertThat(held(id)).as("a cleared match is not raised again").isFalse();
        assertThat(matches(id)).isOne();
        assertThat(reviews.approve(id, version(id), Actor.of(officer))).isNotEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void shouldHoldAnApplicationOnSubmissionByTheHashedIdNumberAndRomanisedName() {
        String number = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        listed(null, null, null, number);
        String name = uniqueKoreanName();
        listed(name, null, LocalDate.of(1980, 1, 2), null);

        long byNumber = submitted(applicant, uniqueKoreanName(), number);
        long byName = submitted(applicant, name, "M" + number.substring(1));
        long neither = submitted(applicant, uniqueKoreanName(), "M" + number.substring(1));

        assertThat(held(byNumber)).isTrue();
        assertThat(jdbc.queryForObject("SELECT id_number_match FROM screening_match WHERE application_id = ?",
                Boolean.class, byNumber)).isTrue();
        assertThat(held(byName)).isTrue();
        assertThat(held(neither)).isFalse();
    }

    @Test
    void shouldFlagAnApprovedTripWhoseTravellerIsListedAfterwardsWithoutWithdrawingTheApproval() throws Exception {
        String name = uniqueKoreanName();
        long id = submitted(applicant, name, someEntryDate(), Purpose.TALKS);
        ApplicationStatus approved = reviews.approve(id, version(id), Actor.of(officer));

        listed(name, null, null, null);

        assertThat(held(id)).isTrue();
        assertThat(jdbc.queryForObject("SELECT status FROM travel_application WHERE id = ?", String.class, id))
                .isEqualTo(approved.name());
        assertThat(page("/review/applications/" + id)).contains("승인 뒤에 감시 명단에 오른", "/review/screening/" + id);
        assertThat(page("/review")).contains("승인 뒤 감시 명단 일치 가능성", "/review/screening/" + id);
    }

    @Test
    void shouldReleaseTheHoldWhenTheEntryIsRemoved() {
        String name = uniqueKoreanName();
        long id = submitted(applicant, name, someEntryDate(), Purpose.TALKS);
        long entry = listed(name, null, null, null);
        assertThat(held(id)).isTrue();

        watchList.remove(entry);

        assertThat(held(id)).isFalse();
    }

    @Test
    void shouldRaiseOnlyWhatIsMissingWhenAnotherInstanceRaisedSomePairsFirstAndAuditEachApplicationItHolds() {
        String first = uniqueKoreanName();
        String second = uniqueKoreanName();
        long firstId = submitted(applicant, first, someEntryDate(), Purpose.TALKS);
        long secondId = submitted(applicant, second, someEntryDate(), Purpose.TALKS);
        long firstEntry = entryListedAside(first);
        long secondEntry = entryListedAside(second);
        // another instance screening at the same time already raised the first pair
        jdbc.update("INSERT INTO screening_match (application_id, entry_id, id_number_match, same_birth_date, status,"
                + " raised_at, version) VALUES (?, ?, FALSE, FALSE, 'OPEN', CURRENT_TIMESTAMP, 0)",
                firstId, firstEntry);

        screening.screenAgain();

        assertThat(matches(firstId)).isOne();
        assertThat(matches(secondId)).isOne();
        assertThat(held(firstId)).isTrue();
        assertThat(held(secondId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'screening.raised' "
                + "AND subject_type = 'application' AND subject_id = ?", String.class, String.valueOf(secondId)))
                .contains("entries=" + secondEntry);
    }

    @Test
    void shouldCatchUpWithAnEntryWhoseScreeningWasCutShortByAStoppedInstance() {
        String name = uniqueKoreanName();
        long applicationId = submitted(applicant, name, someEntryDate(), Purpose.TALKS);
        entryListedAside(name); // committed, and the instance stopped before screening against it
        assertThat(screening.behind()).isTrue();

        catchUp.run();

        assertThat(held(applicationId)).isTrue();
        assertThat(screening.behind()).isFalse();
    }

    /** An entry written as another instance would have, without this one screening on the change. */
    private long entryListedAside(String korean) {
        String source = "aside-" + UUID.randomUUID();
        jdbc.update("INSERT INTO watch_list_entry (name_korean, reason, source, listed_since, created_at)"
                + " VALUES (?, '제재 대상', ?, '2026-11-20', CURRENT_TIMESTAMP)", korean, source);
        long id = jdbc.queryForObject("SELECT id FROM watch_list_entry WHERE source = ?", Long.class, source);
        entries.add(id);
        return id;
    }

    private long submitted(AccountPrincipal who, String name, String idNumber) {
        LocalDate entry = someEntryDate();
        return applications.create(who, new TripDetails(name, "TEST PERSON", LocalDate.of(1980, 1, 2), "KOR",
                IdDocumentType.PASSPORT, idNumber, "010-0000-0000", "테스트 기관", Purpose.TALKS, "업무 협의", entry,
                entry.plusDays(2), null, null, List.of(new GoodsLine("노트북", 1, 1_500_000)),
                slotWithRoom(TravelDirection.NORTHBOUND, entry, 0),
                slotWithRoom(TravelDirection.SOUTHBOUND, entry.plusDays(2), 0)), PHOTO, true);
    }

    private long listed(String korean, String latin, LocalDate birth, String idNumber) {
        long id = watchList.add(new WatchListForm(korean, latin, birth, idNumber, "제재 대상", "통일부 통보",
                LocalDate.of(2026, 11, 20))).getId();
        entries.add(id);
        return id;
    }

    private boolean held(long id) {
        return jdbc.queryForObject("SELECT watchlist_hold FROM travel_application WHERE id = ?", Boolean.class, id);
    }

    private long openMatch(long id) {
        return jdbc.queryForObject("SELECT id FROM screening_match WHERE application_id = ? AND status = 'OPEN'",
                Long.class, id);
    }

    private long matches(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM screening_match WHERE application_id = ?", Long.class, id);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn(officer))).andReturn().getResponse().getContentAsString();
    }
}
