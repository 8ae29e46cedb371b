package kr.kaesongcrossing.application.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.application.model.TimelineEntry;
import kr.kaesongcrossing.application.model.TripDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ReviewWebTests extends ApplicationTestSupport {

    @Autowired
    TravelApprovals travelApprovals;
    @Autowired
    ReviewQueue queue;

    @Test
    void shouldListSubmittedApplicationsButNeverDrafts() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        String name = uniqueKoreanName();
        submitted(civilian, name, today().plusDays(10), Purpose.TALKS);
        applications.create(civilian, details(name + "초안", today().plusDays(10), today().plusDays(11), Purpose.TALKS),
                null, false);

        mvc.perform(get("/review").param("q", name).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(name + "초안"))))
                .andExpect(content().string(containsString("총 1건")));
        mvc.perform(get("/review").param("q", name).param("status", "ALL").with(signedIn(officer)))
                .andExpect(content().string(containsString("총 1건")));
    }

    @Test
    void shouldFilterByStatusDatesPurposeAndNameAndSortByEntryDate() {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        String name = uniqueKoreanName();
        LocalDate base = today().plusDays(20);
        long early = submitted(civilian, name, base, Purpose.TALKS);
        long middle = submitted(civilian, name, base.plusDays(5), Purpose.PRESS);
        long late = submitted(civilian, name, base.plusDays(10), Purpose.TALKS);
        reviews.reject(late, version(late), Actor.of(officer), "no");

        assertThat(ids(new ReviewQueue.Filter(ApplicationStatus.SUBMITTED, null, null, null, name, false)))
                .containsExactly(early, middle);
        assertThat(ids(new ReviewQueue.Filter(null, null, null, null, name, true)))
                .containsExactly(late, middle, early);
        assertThat(ids(new ReviewQueue.Filter(null, base.plusDays(1), base.plusDays(10), null, name, false)))
                .containsExactly(middle, late);
        assertThat(ids(new ReviewQueue.Filter(null, null, null, Purpose.TALKS, name, false)))
                .containsExactly(early, late);
        assertThat(ids(new ReviewQueue.Filter(ApplicationStatus.REJECTED, null, null, null, name, false)))
                .containsExactly(late);
        String latin = "Q" + Long.toString(System.nanoTime(), 36).toUpperCase();
        TripDetails d = details(name, base, base.plusDays(1), Purpose.OTHER);
        long foreigner = applications.create(civilian, new TripDetails(d.nameKorean(), latin + " SMITH",
                d.dateOfBirth(), "USA", d.idDocumentType(), d.idNumber(), d.phone(), d.organisation(), d.purpose(),
                d.purposeDetail(), d.entryDate(), d.returnDate(), null, null, List.of(), d.northboundSlot(),
                d.southboundSlot()), PHOTO, true);
        assertThat(ids(new ReviewQueue.Filter(null, null, null, null, latin.toLowerCase(), false)))
                .containsExactly(foreigner);
        String reference = repository.findById(middle).orElseThrow().getReference();
        assertThat(ids(new ReviewQueue.Filter(null, null, null, null, reference.toLowerCase(), false)))
                .containsExactly(middle);
        assertThat(ids(new ReviewQueue.Filter(null, null, null, null, "%", false))).isEmpty();
    }

    @Test
    void shouldPageThroughTheQueue() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        String name = uniqueKoreanName();
        for (int i = 0; i < ReviewQueue.PAGE_SIZE + 3; i++) {
            submitted(civilian, name, today().plusDays(10 + i % 7), Purpose.TALKS);
        }

        assertThat(queue.find(new ReviewQueue.Filter(null, null, null, null, name, false), 1).getContent())
                .hasSize(3);
        assertThat(queue.find(new ReviewQueue.Filter(null, null, null, null, name, false), 99).getNumber())
                .isEqualTo(1);
        String q = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(get(java.net.URI.create("/review?q=" + q + "&page=2")).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-current=\"page\"")))
                .andExpect(content().string(containsString("/review?q=" + q + "&amp;page=1")));
    }

    @Test
    void shouldAnswerBadFiltersWithoutAServerError() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);

        mvc.perform(get("/review").param("status", "NOPE").param("from", "2026-02-31").param("to", "x")
                        .param("purpose", "'; drop table travel_application; --").param("q", "%_\\!")
                        .param("sort", "sideways").param("page", "-3").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("날짜를 2026-11-05와 같은 형식으로 입력하십시오.")));
        mvc.perform(get("/review/applications/abc").with(signedIn(officer))).andExpect(status().isBadRequest());
        mvc.perform(post("/review/applications/1/approve").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldShowStaffEverythingWithTheIdNumberMaskedAndThePhoto() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        long draft = applications.create(civilian, details("초안", null, null, Purpose.TALKS), PHOTO, false);

        mvc.perform(get("/review/applications/" + id).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("M9*******")))
                .andExpect(content().string(not(containsString("M98765432"))))
                .andExpect(content().string(containsString("/review/applications/" + id + "/photo")))
                .andExpect(content().string(containsString("노트북")))
                .andExpect(content().string(containsString("처리자: 신청인 (신청인)")));
        mvc.perform(get("/review/applications/" + id + "/photo").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"));
        mvc.perform(get("/review/applications/" + draft).with(signedIn(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/review/applications/" + draft + "/photo").with(signedIn(officer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldApproveAndRecordWhoAndWhen() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);

        mvc.perform(post("/review/applications/" + id + "/approve").param("version", String.valueOf(version(id)))
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("notice", "처리했습니다. 현재 상태: 상대측 동의 대기"));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        mvc.perform(get("/review/applications/" + id).with(signedIn(officer)))
                .andExpect(content().string(containsString("사무소 승인, 상대측 동의 대기")))
                .andExpect(content().string(containsString("처리자: " + officer.displayName() + " (사무소 직원)")));
        mvc.perform(get("/applications/" + id).with(signedIn(civilian)))
                .andExpect(content().string(containsString("사무소 승인, 상대측 동의 대기")))
                .andExpect(content().string(not(containsString(officer.displayName()))));
    }

    @Test
    void shouldRequireAReasonToRejectAndShowItToTheApplicant() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        String version = String.valueOf(version(id));

        mvc.perform(post("/review/applications/" + id + "/reject").param("version", version).param("reason", "   ")
                        .with(signedIn(officer)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Write the reason: the applicant reads it.")));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);

        mvc.perform(post("/review/applications/" + id + "/reject").param("version", version)
                        .param("reason", "방문 기관의 초청 확인이 되지 않습니다.").with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.REJECTED);
        mvc.perform(get("/applications/" + id).with(signedIn(civilian)))
                .andExpect(content().string(containsString("방문 기관의 초청 확인이 되지 않습니다.")))
                .andExpect(content().string(containsString("반려됨")));
    }

    @Test
    void shouldRequireAMessageToRequestInformation() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        String version = String.valueOf(version(id));

        mvc.perform(post("/review/applications/" + id + "/request-information").param("version", version)
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("필요한 보완 내용을 입력하십시오.")));
        mvc.perform(post("/review/applications/" + id + "/request-information").param("version", version)
                        .param("message", "x".repeat(1001)).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1,000자 이내로 입력하십시오.")));
        mvc.perform(post("/review/applications/" + id + "/request-information").param("version", version)
                        .param("message", "차량 운행 허가 번호를 알려 주십시오.").with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
    }

    @Test
    void shouldRefuseToDecideTwiceWithAClearMessage() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal first = account(Role.OFFICER);
        AccountPrincipal second = account(Role.OFFICER);
        long id = submitted(civilian);
        String seenVersion = String.valueOf(version(id));

        mvc.perform(post("/review/applications/" + id + "/approve").param("version", seenVersion)
                .with(signedIn(first)).with(csrf()));
        mvc.perform(post("/review/applications/" + id + "/reject").param("version", seenVersion)
                        .param("reason", "늦은 결정").with(signedIn(second)).with(csrf()))
                .andExpect(flash().attribute("problem", "처리되지 않았습니다. 화면을 보는 동안 다른 사람이 이 신청을 처리했습니다. "
                        + "현재 상태: 상대측 동의 대기. 다시 확인해 주십시오."));
        mvc.perform(post("/review/applications/" + id + "/approve").param("version", String.valueOf(version(id)))
                        .with(signedIn(second)).with(csrf()).cookie(ENGLISH))
                .andExpect(flash().attribute("problem",
                        "Only a submitted application can be approved. This one is now: Awaiting counterpart consent."));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(reviews.view(id).timeline()).extracting(TimelineEntry::to).containsExactly(
                ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_CONSENT);
    }

    @Test
    void shouldRefuseToApproveAWithdrawnApplication() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        applications.withdraw(id, civilian, null);

        mvc.perform(post("/review/applications/" + id + "/approve").param("version", String.valueOf(version(id)))
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("problem", "접수된 신청만 승인할 수 있습니다. 현재 상태: 철회됨"));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void shouldPublishTheApprovalForTravelWithThePhotoAndAnswerTravelApprovals(ApplicationEvents events)
            throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = awaitingConsent(civilian, officer, today().plusDays(12));
        assertThat(travelApprovals.isApprovedForTravel(id)).isFalse();
        assertThat(events.stream(TripApprovedForTravel.class)).isEmpty();

        mvc.perform(post("/review/applications/" + id + "/consent").param("version", String.valueOf(version(id)))
                        .param("decision", "consent").param("counterpartReference", "NK-2026-1105")
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("notice", "처리했습니다. 현재 상태: 출입 승인"));

        assertThat(travelApprovals.isApprovedForTravel(id)).isTrue();
        TripApprovedForTravel approved = events.stream(TripApprovedForTravel.class).findFirst().orElseThrow();
        assertThat(approved.applicationId()).isEqualTo(id);
        assertThat(approved.reference()).isEqualTo(repository.findById(id).orElseThrow().getReference());
        assertThat(approved.applicantAccountId()).isEqualTo(civilian.id());
        assertThat(approved.holderNameLatin()).isEqualTo("TEST PERSON");
        assertThat(approved.dateOfBirth()).isEqualTo(LocalDate.of(1980, 1, 2));
        assertThat(approved.nationality()).isEqualTo("KOR");
        assertThat(approved.entryDate()).isEqualTo(today().plusDays(12));
        assertThat(approved.returnDate()).isEqualTo(today().plusDays(14));
        assertThat(approved.holderPhotoJpeg()).isEqualTo(PHOTO.jpeg());
        assertThat(events.stream(ApplicationStatusChanged.class))
                .filteredOn(e -> e.applicationId() == id && e.to() == ApplicationStatus.APPROVED_FOR_TRAVEL)
                .singleElement().satisfies(e -> assertThat(e.from()).isEqualTo(ApplicationStatus.AWAITING_CONSENT));
    }

    @Test
    void shouldRevokeAnApprovalWithAReasonAndPublishIt(ApplicationEvents events) throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = awaitingConsent(civilian, officer, today().plusDays(12));
        reviews.recordConsent(id, version(id), Actor.of(officer), true, "NK-9", null);

        mvc.perform(post("/review/applications/" + id + "/revoke").param("version", String.valueOf(version(id)))
                        .param("reason", "안전 문제").with(signedIn(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(travelApprovals.isApprovedForTravel(id)).isFalse();
        assertThat(events.stream(TripApprovalWithdrawn.class))
                .containsExactly(new TripApprovalWithdrawn(id, "Approval revoked by the office: 안전 문제"));
    }

    private List<Long> ids(ReviewQueue.Filter filter) {
        return queue.find(filter, 0).getContent().stream().map(QueueRow::id).toList();
    }
}
