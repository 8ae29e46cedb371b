package kr.kaesongcrossing.pass;

import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.audit.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * Like the review page: staff see a pass photo as a thumbnail, unrecorded; the full size is a download with a reason
 * the audit trail keeps. The holder sees their own photo.
 */
class PassPhotoDisclosureTests extends PassTestSupport {

    @Test
    void shouldShowStaffAThumbnailAndTheHolderTheirOwnPhoto() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        String passId = fixtures.approve(fixtures.trip(holder));
        byte[] stored = storeLargePhoto(passId);

        for (Role role : new Role[] {Role.OFFICER, Role.CHECKPOINT}) {
            byte[] shown = mvc.perform(get("/passes/" + passId + "/photo").with(signedIn(fixtures.account(role))))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            BufferedImage thumbnail = image(shown);
            assertThat(thumbnail.getWidth()).isLessThanOrEqualTo(240);
            assertThat(thumbnail.getHeight()).isLessThanOrEqualTo(320);
        }
        mvc.perform(get("/passes/" + passId + "/photo").with(signedIn(holder)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(stored));
        assertThat(AuditRows.about(jdbc, "pass", passId)).noneMatch(row -> row.action().startsWith("pass.photo"));
    }

    @Test
    void shouldGiveStaffTheFullPhotoOnlyForAReasonThatIsRecorded() throws Exception {
        AccountPrincipal holder = fixtures.account(Role.CIVILIAN);
        AccountPrincipal officer = fixtures.account(Role.OFFICER);
        String passId = fixtures.approve(fixtures.trip(holder));
        byte[] stored = storeLargePhoto(passId);
        String url = "/passes/" + passId + "/photo";

        mvc.perform(get("/passes/" + passId).with(signedIn(officer)))
                .andExpect(content().string(containsString("원본 사진 내려받기")));
        for (String reason : new String[] {"", "CURIOSITY"}) {
            mvc.perform(post(url).param("reason", reason).with(signedIn(officer)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("목록에서 사유를 선택하십시오.")));
        }
        mvc.perform(post(url).param("reason", "OTHER").with(signedIn(holder)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).param("reason", "OTHER").with(signedIn(officer)))
                .andExpect(status().isForbidden());
        assertThat(AuditRows.about(jdbc, "pass", passId)).noneMatch(row -> row.action().startsWith("pass.photo"));

        mvc.perform(post(url).param("reason", "IDENTITY_CHECK").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(stored));
        assertThat(AuditRows.about(jdbc, "pass", passId))
                .filteredOn(row -> row.action().equals("pass.photo-downloaded"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.actorId()).isEqualTo(Long.toString(officer.id()));
                    assertThat(row.actorRole()).isEqualTo("OFFICER");
                    assertThat(row.detail()).isEqualTo("reason=IDENTITY_CHECK");
                });
    }

    /** The fixture's photo is smaller than a thumbnail; a stored photo is up to 600x800. */
    private byte[] storeLargePhoto(String passId) {
        byte[] large = TestImages.jpeg(600, 800);
        jdbc.update("UPDATE pass_photo SET jpeg = ? WHERE pass_pk = (SELECT id FROM pass WHERE pass_id = ?)", large,
                passId);
        return large;
    }

    private static BufferedImage image(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
