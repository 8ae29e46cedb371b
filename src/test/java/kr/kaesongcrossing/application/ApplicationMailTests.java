package kr.kaesongcrossing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static kr.kaesongcrossing.account.SignedIn.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.account.Role;
import kr.kaesongcrossing.application.model.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Mail to applicants through a real SMTP server running in the test (GreenMail). */
class ApplicationMailTests extends ApplicationTestSupport {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("kc.base-url", () -> "https://crossing.example");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void shouldMailAnEnglishSpeakerInEnglishWhenTheTripIsApproved() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN, "en");
        AccountPrincipal officer = account(Role.OFFICER);
        long id = awaitingConsent(civilian, officer, today().plusDays(10));
        assertThat(mailsTo(civilian)).as("no mail for the office's approval alone").isEmpty();

        mvc.perform(post("/review/applications/" + id + "/consent").param("version", String.valueOf(version(id)))
                .param("decision", "consent").param("counterpartReference", "NK-5").with(signedIn(officer)).with(csrf()));

        MimeMessage mail = singleMailTo(civilian);
        String reference = repository.findById(id).orElseThrow().getReference();
        assertThat(mail.getSubject()).isEqualTo("[Kaesong Crossing] Your trip " + reference + " is approved");
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(civilian.email());
        assertThat(mail.getContentLanguage()).containsExactly("en");
        String body = body(mail);
        assertThat(body).startsWith("Dear 신청인,")
                .contains("is approved for travel")
                .contains("Planned dates: northbound " + today().plusDays(10) + ", southbound " + today().plusDays(12))
                .contains("https://crossing.example/applications/" + id)
                .doesNotContain("M98765432");
    }

    @Test
    void shouldMailAKoreanSpeakerInKoreanWithTheReasonForARejection() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN, "ko");
        AccountPrincipal officer = account(Role.OFFICER, "en");
        long id = submitted(civilian);

        mvc.perform(post("/review/applications/" + id + "/reject").param("version", String.valueOf(version(id)))
                .param("reason", "방문 일정이 회담 일정과 겹칩니다.").with(signedIn(officer)).with(csrf()));

        MimeMessage mail = singleMailTo(civilian);
        assertThat(mail.getSubject()).startsWith("[개성 남북 출입 관리] 출입 신청 KC-").endsWith("반려되었습니다");
        assertThat(body(mail)).startsWith("신청인님, 안녕하십니까.")
                .contains("반려 사유: 방문 일정이 회담 일정과 겹칩니다.")
                .contains("남북공동연락사무소 출입 관리");
    }

    @Test
    void shouldMailInformationRequestsAndConsentRefusals() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN, "en");
        AccountPrincipal officer = account(Role.OFFICER);
        long asked = submitted(civilian);
        long refused = awaitingConsent(civilian, officer, today().plusDays(15));

        reviews.requestInformation(asked, version(asked), Actor.of(officer), "Please add your employer's letter.");
        reviews.recordConsent(refused, version(refused), Actor.of(officer), false, "NK-8", "No reason given.");

        List<MimeMessage> mails = mailsTo(civilian, 2);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "[Kaesong Crossing] More information needed for " + reference(asked),
                "[Kaesong Crossing] No consent for your trip " + reference(refused));
        assertThat(mails).extracting(ApplicationMailTests::body).anySatisfy(
                body -> assertThat(body).contains("What is needed: Please add your employer's letter."));
    }

    @Test
    void shouldListTheMailForAdministrators() throws Exception {
        AccountPrincipal civilian = account(Role.CIVILIAN, "ko");
        AccountPrincipal officer = account(Role.OFFICER);
        long id = submitted(civilian);
        reviews.reject(id, version(id), Actor.of(officer), "서류 미비");
        singleMailTo(civilian);

        mvc.perform(get("/admin/mail").with(signedIn(account(Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(civilian.email())))
                .andExpect(content().string(containsString("발송 완료")));
    }

    private String reference(long id) {
        return repository.findById(id).orElseThrow().getReference();
    }

    /** The one mail the account got, once the publications of the decisions are done (sent, not just arriving). */
    private MimeMessage singleMailTo(AccountPrincipal account) {
        List<MimeMessage> mails = mailsTo(account, 1);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<MimeMessage> mailsTo(AccountPrincipal account, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(account).size() >= expected);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM "
                + "EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?", Long.class,
                "%\"applicantAccountId\":" + account.id() + ",%") == 0);
        return mailsTo(account);
    }

    private static List<MimeMessage> mailsTo(AccountPrincipal account) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(account.email());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            return GreenMailUtil.getBody(mail);
        }
    }
}
