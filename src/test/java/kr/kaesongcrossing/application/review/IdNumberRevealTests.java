package kr.kaesongcrossing.application.review;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.audit.AuditRows;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Officers see ID numbers masked and reveal one on purpose, with a reason the audit trail keeps. */
class IdNumberRevealTests extends ApplicationTestSupport {

    private static final String FULL = "M98765432";
    private static final String MASKED = "M9*******";

    @Test
    void shouldRevealTheNumberForThisAnswerOnlyAndRecordWhoAndWhy() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(account(Role.CIVILIAN));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/review/applications/" + id).session(session).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(MASKED)))
                .andExpect(content().string(not(containsString(FULL))))
                .andExpect(content().string(containsString("번호 보기")));
        mvc.perform(post("/review/applications/" + id + "/id-number").param("reason", "IDENTITY_CHECK")
                        .session(session).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(FULL)))
                .andExpect(content().string(containsString("감사 기록에 남았습니다")));

        assertThat(AuditRows.about(jdbc, "application", id))
                .filteredOn(row -> row.action().equals("application.id-number-revealed"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.actorId()).isEqualTo(Long.toString(officer.id()));
                    assertThat(row.actorRole()).isEqualTo("OFFICER");
                    assertThat(row.outcome()).isEqualTo("SUCCESS");
                    assertThat(row.detail()).isEqualTo("reason=IDENTITY_CHECK").doesNotContain(FULL);
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ?", Long.class,
                "%" + FULL + "%")).isZero();

        mvc.perform(get("/review/applications/" + id).session(session).with(signedIn(officer)))
                .andExpect(content().string(containsString(MASKED)))
                .andExpect(content().string(not(containsString(FULL))));
    }

    @Test
    void shouldRefuseWithoutAKnownReasonAndRecordNothing() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(account(Role.CIVILIAN));

        for (String reason : new String[] {"", "CURIOSITY"}) {
            mvc.perform(post("/review/applications/" + id + "/id-number").param("reason", reason)
                            .with(signedIn(officer)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("번호를 볼 사유를 목록에서 선택하십시오.")))
                    .andExpect(content().string(containsString(MASKED)))
                    .andExpect(content().string(not(containsString(FULL))));
        }
        mvc.perform(post("/review/applications/" + id + "/id-number").with(signedIn(officer)).with(csrf())
                        .cookie(ENGLISH))
                .andExpect(content().string(containsString("Choose from the list why you need to see the number.")));
        mvc.perform(post("/review/applications/999999999/id-number").param("reason", "OTHER")
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(AuditRows.about(jdbc, "application", id))
                .noneMatch(row -> row.action().equals("application.id-number-revealed"));
        assertThat(AuditRows.about(jdbc, "application", 999999999)).isEmpty();
    }

    @Test
    void shouldLetOnlyOfficersRevealAndNeverByGetOrWithoutCsrf() throws Exception {
        AccountPrincipal applicant = account(Role.CIVILIAN);
        long id = submitted(applicant);
        String url = "/review/applications/" + id + "/id-number";

        for (Role role : new Role[] {Role.CIVILIAN, Role.CHECKPOINT, Role.SUPERVISOR, Role.ADMIN}) {
            AccountPrincipal someone = role == Role.CIVILIAN ? applicant : account(role);
            mvc.perform(post(url).param("reason", "OTHER").with(signedIn(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        AccountPrincipal officer = account(Role.OFFICER);
        mvc.perform(post(url).param("reason", "OTHER").with(signedIn(officer)))
                .andExpect(status().isForbidden());
        mvc.perform(get(url).param("reason", "OTHER").with(signedIn(officer)))
                .andExpect(content().string(not(containsString(FULL))));

        assertThat(AuditRows.about(jdbc, "application", id))
                .noneMatch(row -> row.action().equals("application.id-number-revealed"));
    }
}
