package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.system.OfficeTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PassAccessTests extends PassTestSupport {

    private static final List<String> PASS_PATHS = List.of("/passes/%s", "/passes/%s/qr.png", "/passes/%s/photo",
            "/passes/%s/pdf");

    @Test
    void shouldServePassPageQrPhotoAndPdfToTheHolderAndStaffOnly() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal other = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));

        for (String path : PASS_PATHS) {
            String url = path.formatted(passId);
            mvc.perform(get(url).with(signedIn(holder))).andExpect(status().isOk());
            mvc.perform(get(url).with(signedIn(other))).andExpect(status().isForbidden());
            mvc.perform(get(path.formatted(PassTokens.newPassId())).with(signedIn(other))).andExpect(status().isForbidden());
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
            for (Role role : List.of(Role.OFFICER, Role.CHECKPOINT, Role.ADMIN)) {
                mvc.perform(get(url).with(signedIn(fixtures.account(role)))).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/passes/{id}", PassTokens.newPassId()).with(signedIn(fixtures.account(Role.OFFICER))))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldListOnlyTheHoldersOwnPasses() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal other = fixtures.account(Role.CIVILIAN);
        String mine = fixtures.approve(fixtures.trip(holder));
        String theirs = fixtures.approve(fixtures.trip(other));

        mvc.perform(get("/passes").with(signedIn(holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/passes/" + mine)))
                .andExpect(content().string(not(containsString("/passes/" + theirs))));
    }

    @Test
    void shouldShowTheHolderTheValidityInKstAndTheQrWhileValid() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        var today = java.time.LocalDate.now(OfficeTime.ZONE);
        String passId = fixtures.approve(fixtures.trip(holder, today, today.plusDays(1), "김민준", "KIM MINJUN"));

        mvc.perform(get("/passes/{id}", passId).with(signedIn(holder)).param("lang", "ko"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(today + " 00:00 ~ " + today.plusDays(1) + " 23:59")))
                .andExpect(content().string(containsString("/passes/" + passId + "/qr.png")))
                .andExpect(content().string(containsString("/passes/" + passId + "/photo")))
                .andExpect(content().string(containsString("KIM MINJUN")))
                .andExpect(content().string(containsString("유효")))
                .andExpect(content().string(not(containsString("/revoke"))));
    }

    @Test
    void shouldLetAnOfficerRevokeWithAReasonTheHolderReads() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        String passId = fixtures.approve(fixtures.trip(holder));

        mvc.perform(get("/passes/{id}", passId).with(signedIn(officer)))
                .andExpect(content().string(containsString("/passes/" + passId + "/revoke")));
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(holder)).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(fixtures.account(Role.CHECKPOINT))).with(csrf())
                .param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/passes/" + passId))
                .andExpect(flash().attribute("problem", "사유를 입력하십시오."));
        assertThat(jdbc.queryForObject("select revoked_at is null from pass where pass_id = ?", Boolean.class, passId))
                .isTrue();

        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).with(csrf())
                .param("reason", "분실 신고가 접수되었습니다")).andExpect(redirectedUrl("/passes/" + passId));
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).with(csrf()).param("reason", "again"))
                .andExpect(redirectedUrl("/passes/" + passId))
                .andExpect(flash().attribute("problem", "이미 취소된 출입증입니다."));

        mvc.perform(get("/passes/{id}", passId).with(signedIn(holder)).param("lang", "ko"))
                .andExpect(content().string(containsString("분실 신고가 접수되었습니다")))
                .andExpect(content().string(containsString("취소됨")))
                .andExpect(content().string(not(containsString("/qr.png"))));
    }

    @Test
    void shouldLetAnOfficerReissueAndSendTheHolderToTheNewPass() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        String passId = fixtures.approve(fixtures.trip(holder));

        String location = mvc.perform(post("/passes/{id}/reissue", passId).with(signedIn(officer)).with(csrf())
                        .param("reason", "Phone lost"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String newPassId = location.substring("/passes/".length());

        assertThat(newPassId).isNotEqualTo(passId);
        mvc.perform(get("/passes/{id}", passId).with(signedIn(holder)).param("lang", "en"))
                .andExpect(content().string(containsString("Phone lost")))
                .andExpect(content().string(containsString("/passes/" + newPassId)));
        mvc.perform(get("/passes/{id}/qr.png", newPassId).with(signedIn(holder))).andExpect(status().isOk());
    }

    @Test
    void shouldNotOfferToReissueAPassRevokedByAnOfficerOnceItsValidityHasEnded() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        var today = java.time.LocalDate.now(OfficeTime.ZONE);
        String passId = fixtures.approve(fixtures.trip(holder, today.minusDays(3), today.minusDays(1), "김민준",
                "KIM MINJUN"));
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).with(csrf()).param("reason", "lost"));

        mvc.perform(get("/passes/{id}", passId).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/passes/" + passId + "/reissue"))));
        mvc.perform(post("/passes/{id}/reissue", passId).with(signedIn(officer)).with(csrf()).param("reason", "found"))
                .andExpect(redirectedUrl("/passes/" + passId));
        assertThat(jdbc.queryForObject("select replaced_by is null from pass where pass_id = ?", Boolean.class,
                passId)).isTrue();
    }

    @Test
    void shouldServeTheRevocationListToStaffButNotToCivilians() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        String passId = fixtures.approve(fixtures.trip(holder));
        mvc.perform(post("/passes/{id}/revoke", passId).with(signedIn(officer)).with(csrf()).param("reason", "test"));

        mvc.perform(get("/api/v1/revocations").with(signedIn(fixtures.account(Role.CHECKPOINT))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.generatedAt").isString())
                .andExpect(jsonPath("$.revocations[?(@.passId == '" + passId + "')].revokedAt").isNotEmpty());
        mvc.perform(get("/api/v1/revocations").with(signedIn(holder))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/revocations"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
    }

    @Test
    void shouldLetOnlyAdministratorsSeeAndRotateKeys() throws Exception {
        mvc.perform(get("/admin/keys").with(signedIn(fixtures.account(Role.OFFICER)))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/keys/rotate").with(signedIn(fixtures.account(Role.OFFICER))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/keys").with(signedIn(fixtures.account(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/keys/rotate")));
    }
}
