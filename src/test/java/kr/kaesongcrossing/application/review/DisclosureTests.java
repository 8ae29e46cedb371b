package kr.kaesongcrossing.application.review;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.audit.AuditRows;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * Officers see ID numbers masked and photos as thumbnails; the full number or photo only on purpose, with a reason
 * the audit trail keeps.
 */
class DisclosureTests extends ApplicationTestSupport {

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
                    .andExpect(content().string(containsString("목록에서 사유를 선택하십시오.")))
                    .andExpect(content().string(containsString(MASKED)))
                    .andExpect(content().string(not(containsString(FULL))));
        }
        mvc.perform(post("/review/applications/" + id + "/id-number").with(signedIn(officer)).with(csrf())
                        .cookie(ENGLISH))
                .andExpect(content().string(containsString("Choose a reason from the list: without one nothing is shown.")));
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

    @Test
    void shouldShowAThumbnailUnrecordedAndGiveTheFullPhotoOnlyForAReasonThatIsRecorded() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(account(Role.CIVILIAN));
        byte[] stored = jdbc.queryForObject("SELECT jpeg FROM application_photo WHERE application_id = ?",
                byte[].class, id);

        byte[] shown = mvc.perform(get("/review/applications/" + id + "/photo").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(shown));
        assertThat(thumbnail.getWidth()).isLessThanOrEqualTo(240);
        assertThat(thumbnail.getHeight()).isLessThanOrEqualTo(320);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isGreaterThan(thumbnail.getWidth());
        assertThat(AuditRows.about(jdbc, "application", id)).noneMatch(row -> row.action().startsWith("application.photo"));

        mvc.perform(post("/review/applications/" + id + "/photo").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("목록에서 사유를 선택하십시오.")));
        assertThat(AuditRows.about(jdbc, "application", id)).noneMatch(row -> row.action().startsWith("application.photo"));

        mvc.perform(post("/review/applications/" + id + "/photo").param("reason", "CURIOSITY")
                        .with(signedIn(account(Role.CIVILIAN))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/review/applications/" + id + "/photo").param("reason", "DUPLICATE_CHECK")
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(stored));
        assertThat(AuditRows.about(jdbc, "application", id))
                .filteredOn(row -> row.action().equals("application.photo-downloaded"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.actorId()).isEqualTo(Long.toString(officer.id()));
                    assertThat(row.detail()).isEqualTo("reason=DUPLICATE_CHECK");
                });
    }
}
