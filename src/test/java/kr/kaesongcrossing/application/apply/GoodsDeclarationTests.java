package kr.kaesongcrossing.application.apply;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.GoodsLine;
import org.junit.jupiter.api.Test;

/** Goods lines with categories of the sanctions list, through the form, on H2 or MariaDB. */
class GoodsDeclarationTests extends ApplicationTestSupport {

    @Test
    void shouldBlockTheSubmissionOfAProhibitedLineWithTheReasonAndStillSaveItAsADraft() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "노트북",
                        "goods[0].categoryCode", "HS85").file(photo(TestImages.jpeg(900, 1200)))
                        .param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("북측으로 반출할 수 없습니다(근거: UNSCR 2397 para 7)")));
        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "Binoculars 12x",
                        "goods[0].categoryCode", "KC-BINOC").file(photo(TestImages.jpeg(900, 1200)))
                        .param("action", "submit").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("may not be carried into the North (basis: KC office rule")));
        assertThat(applicationCount(civilian)).isZero();

        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "노트북",
                        "goods[0].categoryCode", "HS85").param("action", "save"))
                .andExpect(status().is3xxRedirection());
        long id = latestApplication(civilian);
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(applications.view(id, civilian.id()).goods()).containsExactly(new GoodsLine("노트북", 2, 300_000, "HS85", null, false));
    }

    @Test
    void shouldNeedThePermitNumberOfAPermitLineAndShowItToTheOfficerWithANotice() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);

        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "쌀 20kg",
                        "goods[0].categoryCode", "HS10", "goods[0].comesBack", "false")
                        .file(photo(TestImages.jpeg(900, 1200))).param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("반출 승인이 필요한 분류입니다. 승인 번호를 입력하십시오.")));
        assertThat(applicationCount(civilian)).isZero();

        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "쌀 20kg",
                        "goods[0].categoryCode", "HS10", "goods[0].permitNumber", " MOU-2026-0417 ",
                        "goods[0].comesBack", "false", "goods[1].description", "측정 장비", "goods[1].quantity", "1",
                        "goods[1].valueKrw", "900000", "goods[1].categoryCode", "KC-OTHER",
                        "goods[1].permitNumber", "MOU-2026-0418", "goods[1].comesBack", "true")
                        .file(photo(TestImages.jpeg(900, 1200))).param("action", "submit"))
                .andExpect(status().is3xxRedirection());
        long id = latestApplication(civilian);
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(reviews.view(id).goods()).containsExactly(
                new GoodsLine("쌀 20kg", 2, 300_000, "HS10", "MOU-2026-0417", false),
                new GoodsLine("측정 장비", 1, 900_000, "KC-OTHER", "MOU-2026-0418", true));

        mvc.perform(get("/review/applications/" + id).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("반출 승인이 필요한 물품이 있습니다.")))
                .andExpect(content().string(containsString("곡물(쌀·옥수수 등)")))
                .andExpect(content().string(containsString("반출 승인 필요")))
                .andExpect(content().string(containsString("MOU-2026-0417")))
                .andExpect(content().string(containsString("두고 옴(선물, 소모품)")))
                .andExpect(content().string(containsString("다시 가져옴(장비, 견본)")));
    }

    @Test
    void shouldLetADraftWithoutCategoriesBeSavedButNotSubmittedUntilEachLineHasOne() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        mvc.perform(filledForm("/applications/new", civilian, "goods[0].categoryCode", "", "goods[0].comesBack", "")
                        .file(photo(TestImages.jpeg(900, 1200))).param("action", "save"))
                .andExpect(status().is3xxRedirection());
        long id = latestApplication(civilian);

        mvc.perform(filledForm("/applications/" + id + "/edit", civilian, "goods[0].categoryCode", "",
                        "goods[0].comesBack", "").param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("물품 반출입 신고: 필수 입력 항목입니다.")));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.DRAFT);
        mvc.perform(filledForm("/applications/" + id + "/edit", civilian, "goods[0].categoryCode", "NO-SUCH")
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("목록에 있는 분류를 고르십시오.")));

        mvc.perform(filledForm("/applications/" + id + "/edit", civilian).param("action", "submit"))
                .andExpect(redirectedUrl("/applications/" + id));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
        mvc.perform(get("/review/applications/" + id).with(signedIn(officer)))
                .andExpect(content().string(containsString("인쇄물(서적·서류)")))
                .andExpect(content().string(not(containsString("반출 승인이 필요한 물품이 있습니다."))));
    }
}
