package kr.kaesongcrossing.application.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationView;
import kr.kaesongcrossing.application.model.GoodsLine;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

@RecordApplicationEvents
class ApplicationWebTests extends ApplicationTestSupport {

    @Test
    void shouldSaveAnIncompleteDraft() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(multipart("/applications/new").param("nameKorean", "홍길동").param("action", "save")
                        .with(signedIn(civilian)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/applications/*"))
                .andExpect(flash().attribute("notice", "임시 저장했습니다."));

        long id = latestApplication(civilian);
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(repository.findById(id).orElseThrow().getReference()).matches("KC-\\d{4}-\\d{6,}");
        mvc.perform(get("/applications").with(signedIn(civilian)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("작성 중")));
    }

    @Test
    void shouldMarkTheCurrentPageInTheMenu() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(get("/applications/new").with(signedIn(civilian)))
                .andExpect(content().string(containsString(
                        "<a href=\"/applications/new\" aria-current=\"page\">")))
                .andExpect(content().string(containsString("<a href=\"/applications\">")));
    }

    @Test
    void shouldSubmitWithAPhotoAndShowTheApplicantOnlyAMaskedIdNumber() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(filledForm("/applications/new", civilian).file(photo(TestImages.jpeg(900, 1200)))
                        .param("action", "submit"))
                .andExpect(status().is3xxRedirection());

        long id = latestApplication(civilian);
        ApplicationView stored = reviews.view(id);
        assertThat(stored.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(stored.nameLatin()).isEqualTo("HONG GILDONG");
        assertThat(repository.findById(id).orElseThrow().getIdNumber()).isEqualTo("M55554444");
        assertThat(stored.idNumber()).isEqualTo("M5*******");
        assertThat(stored.vehiclePlate()).isEqualTo("12가3456");
        assertThat(stored.goods()).containsExactly(new GoodsLine("회의 자료", 2, 300_000, "HS49", null, false));
        mvc.perform(get("/applications/" + id).with(signedIn(civilian)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("M5*******")))
                .andExpect(content().string(not(containsString("M55554444"))))
                .andExpect(content().string(containsString("신청서 제출")));
        MvcResult photo = mvc.perform(get("/applications/" + id + "/photo").with(signedIn(civilian)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn();
        byte[] jpeg = photo.getResponse().getContentAsByteArray();
        assertThat(PhotoProcessor.formatOf(jpeg)).isEqualTo("jpeg");
        assertThat(TestImages.read(jpeg).getHeight()).isEqualTo(800);
    }

    @Test
    void shouldStoreTheIdNumberEncrypted() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        long id = submitted(civilian);

        String column = jdbc.queryForObject("select id_number_encrypted from travel_application where id = ?",
                String.class, id);

        assertThat(column).startsWith("v1:").doesNotContain("M98765432");
        assertThat(repository.findById(id).orElseThrow().getIdNumber()).isEqualTo("M98765432");
    }

    @Test
    void shouldExplainMissingPhotoInKoreanAndInEnglishAndSaveNothing() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(filledForm("/applications/new", civilian).param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("제출하려면 방문자 사진이 필요합니다.")));
        mvc.perform(filledForm("/applications/new", civilian).param("action", "submit").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A photo of the traveller is required to submit.")));

        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldRefuseDatesThatBreakTheRules() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(filledForm("/applications/new", civilian, "entryDate", today().plusDays(1).toString(),
                        "returnDate", today().toString(), "dateOfBirth", today().plusDays(1).toString())
                        .file(photo(TestImages.jpeg(300, 400))).param("action", "submit").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Visits must be applied for at least 3 days ahead: choose "
                        + today().plusDays(3) + " or later.")))
                .andExpect(content().string(containsString("The return date cannot be before the entry date.")))
                .andExpect(content().string(containsString("The date of birth must be in the past.")))
                .andExpect(content().string(containsString("Nothing was saved, so please choose the photo again.")));
        mvc.perform(filledForm("/applications/new", civilian, "entryDate", today().plusDays(5).toString(), "returnDate", today().plusDays(40).toString()).param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("체류 기간은 출경일과 입경일을 포함하여 최대 30일입니다.")));

        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldRefuseAFileThatIsNotAnImageEvenWithAJpegName() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        byte[] gif = "GIF89a-this-is-not-a-jpeg".getBytes();

        mvc.perform(filledForm("/applications/new", civilian).file(photo(gif)).param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("JPEG 또는 PNG 이미지가 아닙니다")));

        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldRefuseAPhotoOverFiveMegabytes() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        byte[] start = TestImages.jpeg(300, 400);
        System.arraycopy(start, 0, big, 0, start.length);

        mvc.perform(filledForm("/applications/new", civilian).file(photo(big)).param("action", "submit")
                        .cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The photo is too large: at most 5 MB.")));

        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldRefuseAnImageWithHugeDimensions() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(filledForm("/applications/new", civilian).file(photo(TestImages.pngClaiming(40_000, 40_000)))
                        .param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("이미지 크기가 너무 큽니다. 최대 8000 x 8000 픽셀까지 가능합니다.")));

        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldAnswerBadInputWithAMessageAndNeverAServerError() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        long id = submitted(civilian);
        String longText = "가".repeat(5000);

        List<RequestBuilder> requests = List.of(
                filledForm("/applications/new", civilian, "entryDate", "2026-13-45").param("action", "save"),
                filledForm("/applications/new", civilian, "goods[0].quantity", "lots").param("action", "save"),
                filledForm("/applications/new", civilian, "purpose", "SMUGGLING").param("action", "save"),
                filledForm("/applications/new", civilian, "goods[999].description", "x").param("action", "save"),
                filledForm("/applications/new", civilian, "goods[1].valueKrw", "99999999999999999999999").param("action", "save"),
                filledForm("/applications/new", civilian, "purposeDetail", longText).param("action", "submit"),
                filledForm("/applications/new", civilian, "nameKorean", longText).param("action", "save"),
                filledForm("/applications/new", civilian, "nationality", "XXX").param("action", "save"),
                filledForm("/applications/new", civilian, "id", "1", "applicantId", "1", "status", "APPROVED_FOR_TRAVEL").param("action", "nonsense"),
                get("/applications/abc").with(signedIn(civilian)),
                get("/applications?page=-5").with(signedIn(civilian)),
                get("/applications?page=abc").with(signedIn(civilian)),
                post("/applications/" + id + "/withdraw").param("reason", longText).with(signedIn(civilian)).with(csrf()));
        for (RequestBuilder request : requests) {
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            assertThat(status).as("status of a bad request").isLessThan(500);
        }

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
        TravelApplication mass = repository.findById(latestApplication(civilian)).orElseThrow();
        assertThat(mass.getStatus()).isIn(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED);
    }

    @Test
    void shouldShowAClearMessageForAnInvalidDate() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(filledForm("/applications/new", civilian, "entryDate", "2026-13-45").param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("날짜를 2026-11-05와 같은 형식으로 입력하십시오.")));

        assertThat(applicationCount(civilian)).isZero();
    }

    @Test
    void shouldKeepOtherCiviliansOutWithTheSame404AsAMissingId() throws Exception {
        AccountPrincipal owner = account(Role.CIVILIAN);
        AccountPrincipal other = account(Role.CIVILIAN);
        long id = submitted(owner);
        long missing = id + 1_000_000;

        for (long guess : new long[] {id, missing}) {
            mvc.perform(get("/applications/" + guess).with(signedIn(other))).andExpect(status().isNotFound());
            mvc.perform(get("/applications/" + guess + "/photo").with(signedIn(other))).andExpect(status().isNotFound());
            mvc.perform(get("/applications/" + guess + "/edit").with(signedIn(other))).andExpect(status().isNotFound());
            mvc.perform(get("/applications/" + guess + "/withdraw").with(signedIn(other))).andExpect(status().isNotFound());
            mvc.perform(post("/applications/" + guess + "/withdraw").with(signedIn(other)).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(filledForm("/applications/" + guess + "/edit", other).param("action", "submit"))
                    .andExpect(status().isNotFound());
        }

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(repository.findById(id).orElseThrow().getNameLatin()).isEqualTo("TEST PERSON");
        mvc.perform(get("/applications").with(signedIn(other)))
                .andExpect(content().string(not(containsString(repository.findById(id).orElseThrow().getReference()))));
    }

    @Test
    void shouldKeepEachRoleToItsOwnPages() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        long id = submitted(civilian);

        for (Role role : new Role[] {Role.OFFICER, Role.CHECKPOINT, Role.ADMIN}) {
            AccountPrincipal staff = account(role);
            mvc.perform(get("/applications").with(signedIn(staff))).andExpect(status().isForbidden());
            mvc.perform(get("/applications/" + id + "/photo").with(signedIn(staff))).andExpect(status().isForbidden());
        }
        for (Role role : new Role[] {Role.CIVILIAN, Role.CHECKPOINT, Role.ADMIN}) {
            AccountPrincipal notOfficer = account(role);
            mvc.perform(get("/review").with(signedIn(notOfficer))).andExpect(status().isForbidden());
            mvc.perform(get("/review/applications/" + id).with(signedIn(notOfficer))).andExpect(status().isForbidden());
            mvc.perform(get("/review/applications/" + id + "/photo").with(signedIn(notOfficer)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/review/consent").with(signedIn(notOfficer))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/applications/" + id)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/mail").with(signedIn(account(Role.OFFICER)))).andExpect(status().isForbidden());
    }

    @Test
    void shouldLetTheApplicantEditAndResubmitAfterAnInformationRequest() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        reviews.requestInformation(id, version(id), Actor.of(officer), "초청 기관의 공문 번호를 적어 주십시오.");

        mvc.perform(get("/applications/" + id + "/edit").with(signedIn(civilian)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("초청 기관의 공문 번호를 적어 주십시오.")))
                .andExpect(content().string(containsString("M9*******")))
                .andExpect(content().string(not(containsString("M98765432"))));
        mvc.perform(filledForm("/applications/" + id + "/edit", civilian, "idNumber", "", "purposeDetail", "공장 설비 점검, 공문 제2026-17호").param("action", "submit"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/applications/" + id));

        TravelApplication stored = repository.findById(id).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(stored.getPurposeDetail()).contains("제2026-17호");
        assertThat(stored.getIdNumber()).isEqualTo("M98765432");
        mvc.perform(get("/applications/" + id).with(signedIn(civilian)))
                .andExpect(content().string(containsString("보완 요청")))
                .andExpect(content().string(containsString("초청 기관의 공문 번호를 적어 주십시오.")))
                .andExpect(content().string(containsString("보완 후 재제출")))
                .andExpect(content().string(containsString("남북공동연락사무소")))
                .andExpect(content().string(containsString("(한국 시간)")));
    }

    @Test
    void shouldRefuseToEditASubmittedApplication() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        long id = submitted(civilian);

        mvc.perform(get("/applications/" + id + "/edit").with(signedIn(civilian)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "이 신청서는 더 이상 수정할 수 없습니다. 현재 상태: 접수됨"));
        mvc.perform(filledForm("/applications/" + id + "/edit", civilian, "nameKorean", "임꺽정").param("action", "save"))
                .andExpect(status().is3xxRedirection());

        assertThat(repository.findById(id).orElseThrow().getNameKorean()).isNotEqualTo("임꺽정");
    }

    @Test
    void shouldWithdrawOnceAndThenSayWhyNot() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        long id = submitted(civilian);

        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "일정 변경").with(signedIn(civilian))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "신청을 철회했습니다."));
        mvc.perform(post("/applications/" + id + "/withdraw").with(signedIn(civilian)).with(csrf()).cookie(ENGLISH))
                .andExpect(flash().attribute("problem",
                        "This application can no longer be withdrawn: its status is Withdrawn."));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void shouldPublishTripApprovalWithdrawnWhenAnApprovedTripIsWithdrawn(ApplicationEvents events) throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = awaitingConsent(civilian, officer, today().plusDays(10));
        reviews.recordConsent(id, version(id), Actor.of(officer), true, "NK-1", null);

        mvc.perform(post("/applications/" + id + "/withdraw").param("reason", "출장 취소").with(signedIn(civilian))
                .with(csrf()));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(events.stream(TripApprovalWithdrawn.class))
                .containsExactly(new TripApprovalWithdrawn(id, "Withdrawn by the applicant: 출장 취소"));
    }
}
