package kr.kaesongcrossing.application.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.application.model.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;

@RecordApplicationEvents
class ConsentWebTests extends ApplicationTestSupport {

    /** A date of its own for each test, so that its consent list matches only its applications. */
    static LocalDate listDate() {
        return today().plusDays(30 + ThreadLocalRandom.current().nextInt(300));
    }

    String reference(long id) {
        return repository.findById(id).orElseThrow().getReference();
    }

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "consent.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRecordConsentOneByOne() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate date = listDate();
        long id = awaitingConsent(civilian, officer, date);

        mvc.perform(get("/review/consent").param("date", date.toString()).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(reference(id))));
        mvc.perform(post("/review/consent/" + id).param("version", String.valueOf(version(id)))
                        .param("decision", "consent").param("counterpartReference", " ").with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("problem", "상대측 통보 번호를 입력하십시오."));
        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);

        mvc.perform(post("/review/consent/" + id).param("version", String.valueOf(version(id)))
                        .param("decision", "consent").param("counterpartReference", "NK-0001")
                        .param("date", date.toString()).with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("notice", "처리했습니다. 현재 상태: 출입 승인"));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(reviews.view(id).counterpartReference()).isEqualTo("NK-0001");
    }

    @Test
    void shouldRecordARefusalOneByOne() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        long id = awaitingConsent(civilian, officer, listDate());

        mvc.perform(post("/review/consent/" + id).param("version", String.valueOf(version(id)))
                .param("decision", "refuse").param("counterpartReference", "NK-0002").with(signedIn(officer)).with(csrf()));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.CONSENT_REFUSED);
        mvc.perform(get("/applications/" + id).with(signedIn(civilian)))
                .andExpect(content().string(containsString("상대측 동의 거부")))
                .andExpect(content().string(containsString("상대측 통보 번호: NK-0002")));
    }

    @Test
    void shouldPreviewTheConsentListThenRecordItAndReportWhatMatchedNothing(ApplicationEvents events)
            throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate date = listDate();
        long consented = awaitingConsent(civilian, officer, date);
        long refused = awaitingConsent(civilian, officer, date);
        long otherDay = awaitingConsent(civilian, officer, date.plusDays(1));
        long notYetApproved = submitted(civilian, uniqueKoreanName(), date, Purpose.TALKS);
        String file = String.join("\n",
                "신청번호,결정,상대측 번호",
                reference(consented) + ",동의",
                reference(refused).toLowerCase() + ",REFUSE,NK-R-7",
                "KC-1999-999999,CONSENT",
                reference(otherDay) + ",CONSENT",
                reference(notYetApproved) + ",CONSENT",
                reference(consented) + ",REFUSE",
                reference(refused) + ",perhaps",
                "just one cell",
                "");

        MvcResult preview = mvc.perform(multipart("/review/consent/import").file(csv(file))
                        .param("date", date.toString()).param("listReference", "NK-LIST-" + date)
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2건을 기록하고, 일치하는 신청이 없거나 잘못된 6줄은 건너뜁니다.")))
                .andExpect(content().string(containsString("이 번호의 신청이 없습니다.")))
                .andExpect(content().string(containsString("출경 예정일이 " + date.plusDays(1) + "로 명단 날짜와 다릅니다.")))
                .andExpect(content().string(containsString("동의 대기 중인 신청이 아닙니다. 현재 상태: 접수됨")))
                .andExpect(content().string(containsString("2번째 줄과 중복됩니다.")))
                .andExpect(content().string(containsString("알 수 없는 결정 &quot;perhaps&quot;")))
                .andExpect(content().string(containsString("열이 2개 또는 3개여야 합니다")))
                .andReturn();
        assertThat(statusOf(consented)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(statusOf(refused)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        String token = token(preview);

        mvc.perform(post("/review/consent/import/confirm").param("token", token).cookie(session(preview))
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2건을 기록하고 6줄을 건너뛰었습니다.")));

        assertThat(statusOf(consented)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
        assertThat(reviews.view(consented).counterpartReference()).isEqualTo("NK-LIST-" + date);
        assertThat(statusOf(refused)).isEqualTo(ApplicationStatus.CONSENT_REFUSED);
        assertThat(reviews.view(refused).counterpartReference()).isEqualTo("NK-R-7");
        assertThat(statusOf(otherDay)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
        assertThat(statusOf(notYetApproved)).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(events.stream(TripApprovedForTravel.class)).extracting(TripApprovedForTravel::applicationId)
                .containsExactly(consented);

        mvc.perform(post("/review/consent/import/confirm").param("token", token).cookie(session(preview))
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(flash().attribute("problem", "미리 보기가 더 이상 유효하지 않습니다. 파일을 다시 올려 주십시오."));
    }

    @Test
    void shouldSkipRowsWhoseApplicationChangedAfterThePreview() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate date = listDate();
        long withdrawn = awaitingConsent(civilian, officer, date);
        long kept = awaitingConsent(civilian, officer, date);
        MvcResult preview = mvc.perform(multipart("/review/consent/import")
                        .file(csv(reference(withdrawn) + ",CONSENT,NK-1\n" + reference(kept) + ",CONSENT,NK-2\n"))
                        .param("date", date.toString()).with(signedIn(officer)).with(csrf()))
                .andReturn();

        applications.withdraw(withdrawn, civilian, "취소");
        mvc.perform(post("/review/consent/import/confirm").param("token", token(preview)).cookie(session(preview))
                        .with(signedIn(officer)).with(csrf()).cookie(ENGLISH))
                .andExpect(content().string(containsString(
                        "Skipped: the application changed since the preview and is now Withdrawn.")))
                .andExpect(content().string(containsString("1 answer recorded, 1 row skipped.")));

        assertThat(statusOf(withdrawn)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(statusOf(kept)).isEqualTo(ApplicationStatus.APPROVED_FOR_TRAVEL);
    }

    @Test
    void shouldExplainAMissingDateOrFileWithoutChangingAnything() throws Exception {
        AccountPrincipal officer = account(Role.OFFICER);

        mvc.perform(multipart("/review/consent/import").param("date", "not-a-date").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("명단 날짜를 선택하십시오.")))
                .andExpect(content().string(containsString("CSV 파일을 선택하십시오.")));
        mvc.perform(multipart("/review/consent/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        new byte[1024 * 1024 + 1])).param("date", today().toString()).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("파일이 너무 큽니다. 최대 1MB까지 올릴 수 있습니다.")));
        byte[] binary = new byte[2000];
        ThreadLocalRandom.current().nextBytes(binary);
        mvc.perform(multipart("/review/consent/import").file(new MockMultipartFile("file", "x.csv", "text/csv", binary))
                        .param("date", today().toString()).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/review/consent/import/confirm").with(signedIn(officer)).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldRefuseAFileWithBrokenQuotingWithoutChangingAnything() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN);
        AccountPrincipal officer = account(Role.OFFICER);
        LocalDate date = listDate();
        long id = awaitingConsent(civilian, officer, date);
        MockMultipartFile file = csv(reference(id) + ",CONSENT,NK-1\n" + reference(id) + ",\"REFUSE\n");

        mvc.perform(multipart("/review/consent/import").file(file).param("date", date.toString())
                        .with(signedIn(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2번째 줄을 읽을 수 없습니다. 따옴표가 닫히지 않았거나")));
        mvc.perform(multipart("/review/consent/import").file(file).param("date", date.toString())
                        .with(signedIn(officer)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Line 2 cannot be read: a quote is not closed")));

        assertThat(statusOf(id)).isEqualTo(ApplicationStatus.AWAITING_CONSENT);
    }

    /**
     * The session cookie the preview answered with: sessions live in the database (Spring Session JDBC), so the
     * confirmation must come back with it (its name is SESSION under MockMvc, KCSESSION in the server).
     */
    private static jakarta.servlet.http.Cookie session(MvcResult preview) {
        jakarta.servlet.http.Cookie[] cookies = preview.getResponse().getCookies();
        assertThat(cookies).as("session cookie").hasSize(1);
        return cookies[0];
    }

    private static String token(MvcResult preview) throws Exception {
        String html = preview.getResponse().getContentAsString();
        int at = html.indexOf("name=\"token\" value=\"");
        assertThat(at).as("confirm form").isPositive();
        int start = at + "name=\"token\" value=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }
}
