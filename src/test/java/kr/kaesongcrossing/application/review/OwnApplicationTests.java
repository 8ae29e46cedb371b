package kr.kaesongcrossing.application.review;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An officer's account can hold an application (made before the account became an officer's): that officer may
 * not decide on it or record the counterpart's answer for it; another officer may.
 */
class OwnApplicationTests extends ApplicationTestSupport {

    static final String REFUSED = "처리되지 않았습니다. 본인이 제출한 신청이므로 다른 담당자가 결정해야 합니다.";

    AccountPrincipal applicantOfficer;
    AccountPrincipal colleague;
    LocalDate entry;
    long id;

    @BeforeEach
    void officerWithAnApplication() {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        entry = today().plusDays(30 + ThreadLocalRandom.current().nextInt(300));
        id = submitted(civilian, uniqueKoreanName(), entry, Purpose.TALKS);
        applicantOfficer = accounts.grant(civilian.email(), Role.OFFICER);
        colleague = account(Role.OFFICER);
    }

    @Test
    void shouldNotLetAnOfficerDecideOnTheirOwnApplication() throws Exception {
        mvc.perform(get("/review/applications/" + id).with(signedIn(applicantOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("본인이 제출한 신청입니다.")))
                .andExpect(content().string(not(containsString("/review/applications/" + id + "/approve"))))
                .andExpect(content().string(not(containsString("/review/applications/" + id + "/reject"))))
                .andExpect(content().string(not(containsString("/request-information"))));

        long version = version(id);
        int timeline = timeline();
        refused(post("/review/applications/" + id + "/approve"));
        refused(post("/review/applications/" + id + "/reject").param("reason", "제 신청을 반려합니다."));
        refused(post("/review/applications/" + id + "/request-information").param("message", "보완하겠습니다."));
        mvc.perform(post("/review/applications/" + id + "/approve").param("version", String.valueOf(version))
                        .with(signedIn(applicantOfficer)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "Nothing was changed: you submitted this application "
                        + "yourself, so another officer must decide on it."));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(version(id)).isEqualTo(version);
        assertThat(timeline()).isEqualTo(timeline);

        mvc.perform(get("/review/applications/" + id).with(signedIn(colleague)))
                .andExpect(content().string(containsString("/review/applications/" + id + "/approve")))
                .andExpect(content().string(not(containsString("본인이 제출한 신청입니다."))));
        mvc.perform(post("/review/applications/" + id + "/approve").param("version", String.valueOf(version))
                        .with(signedIn(colleague)).with(csrf()))
                .andExpect(flash().attribute("notice", "처리했습니다. 현재 상태: 상대측 동의 대기"));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
    }

    @Test
    void shouldNotLetAnOfficerRecordConsentForTheirOwnApplication() throws Exception {
        reviews.approve(id, version(id), Actor.of(colleague));
        long version = version(id);
        int timeline = timeline();

        mvc.perform(get("/review/applications/" + id).with(signedIn(applicantOfficer)))
                .andExpect(content().string(containsString("본인이 제출한 신청입니다.")))
                .andExpect(content().string(not(containsString("/review/applications/" + id + "/consent"))));
        mvc.perform(get("/review/consent").param("date", entry.toString()).with(signedIn(applicantOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference())))
                .andExpect(content().string(containsString("본인이 제출한 신청입니다. 다른 담당자가 기록해야 합니다.")))
                .andExpect(content().string(not(containsString("/review/consent/" + id + "\""))));

        refused(post("/review/applications/" + id + "/consent").param("decision", "consent")
                .param("counterpartReference", "NK-SELF-1"));
        refused(post("/review/applications/" + id + "/consent").param("decision", "refuse")
                .param("counterpartReference", "NK-SELF-2"));
        refused(post("/review/consent/" + id).param("decision", "consent").param("counterpartReference", "NK-SELF-3"));
        mvc.perform(multipart("/review/consent/import")
                        .file(new MockMultipartFile("file", "consent.csv", "text/csv",
                                (reference() + ",CONSENT,NK-SELF-4\n").getBytes(StandardCharsets.UTF_8)))
                        .param("date", entry.toString()).with(signedIn(applicantOfficer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("본인이 제출한 신청입니다. 다른 담당자가 기록해야 합니다.")))
                .andExpect(content().string(not(containsString("name=\"token\""))));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(version(id)).isEqualTo(version);
        assertThat(timeline()).isEqualTo(timeline);
        assertThat(reviews.view(id).counterpartReference()).isNull();

        mvc.perform(get("/review/consent").param("date", entry.toString()).with(signedIn(colleague)))
                .andExpect(content().string(containsString("/review/consent/" + id + "\"")));
        mvc.perform(post("/review/consent/" + id).param("version", String.valueOf(version)).param("decision", "consent")
                        .param("counterpartReference", "NK-OK-1").with(signedIn(colleague)).with(csrf()))
                .andExpect(flash().attribute("notice", "처리했습니다. 현재 상태: 출입 승인"));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);

        refused(post("/review/applications/" + id + "/revoke").param("reason", "제 출입 승인을 취소합니다."));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
    }

    /** Posts as the applicant officer with the current version: redirected, refused in Korean, nothing changed. */
    private void refused(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.param("version", String.valueOf(version(id))).with(signedIn(applicantOfficer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", REFUSED));
    }

    private int timeline() {
        return jdbc.queryForObject("select count(*) from application_status_change where application_id = ?",
                Integer.class, id);
    }

    private String reference() {
        return repository.findById(id).orElseThrow().getReference();
    }
}
