package kr.kaesongcrossing.application.goods;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator keeps the goods list; applicants' submissions follow it from then on. */
class GoodsCategoryAdminTests extends ApplicationTestSupport {

    @Autowired
    private GoodsCategoryRepository categories;

    @Test
    void shouldAddACategoryAndChangeItsStatusAuditedAndApplyItToTheNextSubmission() throws Exception {
        AccountPrincipal admin = account(Role.ADMIN);
        AccountPrincipal civilian = account(Role.CIVILIAN);
        String code = "KC-DRONE" + ThreadLocalRandom.current().nextInt(1000, 9999);

        mvc.perform(post("/admin/goods-categories").param("code", code).param("hsCode", "8806")
                        .param("nameKo", "드론").param("nameEn", "Drones").param("status", "PERMIT_REQUIRED")
                        .param("basis", "KC office rule").param("sortOrder", "540").with(signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/goods-categories"))
                .andExpect(flash().attribute("message", "goods.admin.added"));
        GoodsCategory drone = categories.findByCode(code).orElseThrow();
        assertThat(drone.getStatus()).isEqualTo(GoodsStatus.PERMIT_REQUIRED);

        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "촬영용 드론",
                        "goods[0].categoryCode", code, "goods[0].permitNumber", "MOU-2026-9")
                        .file(photo(TestImages.jpeg(900, 1200))).param("action", "submit"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/admin/goods-categories/" + drone.getId()).param("status", "PROHIBITED")
                        .param("basis", "UNSCR 2397 para 7").with(signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/goods-categories"));
        assertThat(categories.findByCode(code).orElseThrow().getStatus()).isEqualTo(GoodsStatus.PROHIBITED);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE subject_id = ? ORDER BY id", String.class,
                code)).containsExactly("status=PERMIT_REQUIRED basis=KC office rule",
                        "status=PERMIT_REQUIRED->PROHIBITED basis=UNSCR 2397 para 7");

        mvc.perform(filledForm("/applications/new", civilian, "goods[0].description", "촬영용 드론",
                        "goods[0].categoryCode", code, "goods[0].permitNumber", "MOU-2026-9")
                        .file(photo(TestImages.jpeg(900, 1200))).param("action", "submit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("북측으로 반출할 수 없습니다(근거: UNSCR 2397 para 7)")));
        mvc.perform(get("/admin/goods-categories").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("드론")))
                .andExpect(content().string(containsString("UNSCR 2375 para 13")));
    }

    @Test
    void shouldRefuseATakenCodeAndAChangeWithoutBasisInTheAdminsLanguage() throws Exception {
        AccountPrincipal admin = account(Role.ADMIN);
        long radio = categories.findByCode("KC-RADIO").orElseThrow().getId();

        mvc.perform(post("/admin/goods-categories").param("code", "KC-RADIO").param("nameKo", "무전기")
                        .param("nameEn", "Radios").param("status", "PROHIBITED").param("basis", "x")
                        .param("sortOrder", "1").with(signedIn(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("같은 코드의 분류가 이미 있습니다.")));
        mvc.perform(post("/admin/goods-categories/" + radio).param("status", "ALLOWED").param("basis", " ")
                        .with(signedIn(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("반출 구분을 고르고 근거를 적으십시오.")));
        mvc.perform(post("/admin/goods-categories/" + radio).param("status", "NONSENSE").param("basis", "x")
                        .with(signedIn(admin)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/goods-categories/999999999").param("status", "ALLOWED").param("basis", "x")
                        .with(signedIn(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(categories.findByCode("KC-RADIO").orElseThrow().getStatus()).isEqualTo(GoodsStatus.PROHIBITED);
    }
}
