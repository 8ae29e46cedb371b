package kr.kaesongcrossing.application.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationTestSupport;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The office's settings: no consent step, a week's notice, stays of at most ten days. */
@RecordApplicationEvents
@TestPropertySource(properties = {"kc.applications.consent-required=false", "kc.applications.min-days-ahead=7",
    "kc.applications.max-stay-days=10"})
class ConsentStepOffTests extends ApplicationTestSupport {

    @Test
    void shouldApproveForTravelAtOnceWhenConsentIsNotRequired(ApplicationEvents events) throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);

        mvc.perform(post("/review/applications/" + id + "/approve").param("version", String.valueOf(version(id)))
                .with(signedIn(officer)).with(csrf()));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(events.stream(TripApprovedForTravel.class)).extracting(TripApprovedForTravel::applicationId)
                .containsExactly(id);
    }

    @Test
    void shouldApplyTheConfiguredDateRules() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);

        mvc.perform(get("/applications/new").with(signedIn(civilian)))
                .andExpect(content().string(containsString("최소 7일 전에 신청해야 합니다.")));
        mvc.perform(filledForm("/applications/new", civilian, "entryDate", today().plusDays(6).toString(),
                        "returnDate", today().plusDays(20).toString()).param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("방문은 최소 7일 전에 신청해야 합니다. "
                        + today().plusDays(7) + " 이후 날짜를 선택하십시오.")))
                .andExpect(content().string(containsString("최대 10일입니다.")));

        assertThat(applicationCount(civilian)).isZero();
    }
}
