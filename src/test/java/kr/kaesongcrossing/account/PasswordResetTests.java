package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Password reset by mail, over HTTP as a browser does it, with a real SMTP server in the test (GreenMail). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String NEW_PASSWORD = "seven herons over the imjin";
    private static final Pattern LINK = Pattern.compile("https://crossing\\.example(/password/reset\\?token=[A-Za-z0-9_-]{43})");

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

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequestQuota quota;

    @Test
    void shouldAnswerTheSameForAnUnknownEmailAndMailALinkOnlyToAnAccount() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        String unknown = "nobody-" + UUID.randomUUID() + "@test.example";

        String forKnown = askForLink(browser(), civilian.email());
        String forUnknown = askForLink(browser(), unknown);

        assertThat(forKnown).isEqualTo(forUnknown).contains("해당 이메일 주소의 계정이 있으면");
        MimeMessage mail = singleMailTo(civilian.email());
        assertThat(subject(mail)).isEqualTo("[Kaesong Crossing] Set a new password");
        assertThat(body(mail)).startsWith("Dear Civilian Test,").contains("works once, for 30 minutes");
        assertThat(mailsTo(unknown)).isEmpty();
    }

    @Test
    void shouldSetANewPasswordOnceAndEndEverySessionOfTheAccount(CapturedOutput log) {
        AccountPrincipal officer = accounts.create(Role.OFFICER, "ko");
        WebClient signedIn = browser();
        signedIn.login(officer.email(), TestAccounts.PASSWORD);
        WebClient visitor = browser();
        askForLink(visitor, officer.email());
        String link = linkIn(singleMailTo(officer.email()));
        assertThat(body(singleMailTo(officer.email()))).startsWith("Officer Test님").contains("30분");
        assertThat(storedMailBodies(officer.email())).as("the stored mail (/admin/mail) holds no link")
                .allSatisfy(body -> assertThat(body).doesNotContain(link.substring(link.indexOf('=') + 1)));
        String tokenHash = jdbc.queryForObject("SELECT token_hash FROM password_reset WHERE account_id = ?",
                String.class, officer.id());
        assertThat(link).doesNotContain(tokenHash);

        assertThat(visitor.open(link).body()).contains("새 비밀번호 설정", "name=\"token\"");
        assertThat(visitor.open(link).body()).as("opening the link does not spend it").contains("name=\"newPassword\"");
        Answer mismatch = visitor.postForm("/password/reset", Map.of("token", token(link), "newPassword",
                NEW_PASSWORD, "confirmation", NEW_PASSWORD + "x"));
        assertThat(mismatch.body()).contains("두 비밀번호가 서로 다릅니다.");
        Answer weak = visitor.postForm("/password/reset", Map.of("token", token(link), "newPassword",
                "password1234", "confirmation", "password1234"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("name=\"newPassword\"").doesNotContain("사용할 수 없는 링크");

        Answer done = visitor.postForm("/password/reset", Map.of("token", token(link), "newPassword", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));

        assertThat(done.location()).endsWith("/login");
        assertThat(visitor.get("/login").body()).contains("새 비밀번호가 설정되었습니다");
        assertThat(signedIn.get("/").location()).as("the session signed in before the reset").endsWith("/login");
        assertThat(browser().login(officer.email(), TestAccounts.PASSWORD)).isFalse();
        assertThat(browser().login(officer.email(), NEW_PASSWORD)).isTrue();
        Answer again = visitor.open(link);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("사용할 수 없는 링크입니다").doesNotContain("name=\"newPassword\"");
        Answer reused = visitor.postForm("/password/reset", Map.of("token", token(link), "newPassword",
                "another long phrase of mine", "confirmation", "another long phrase of mine"));
        assertThat(reused.status()).isLessThan(500);
        assertThat(browser().login(officer.email(), NEW_PASSWORD)).as("the spent link changed nothing").isTrue();
        assertThat(log.getAll()).contains("password.reset outcome=SUCCESS actor=ANONYMOUS subject=account:" + officer.id()).doesNotContain(token(link));
    }

    @Test
    void shouldRefuseAnExpiredOrUnknownLinkWithAClearPage() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        WebClient visitor = browser();
        askForLink(visitor, civilian.email());
        String link = linkIn(singleMailTo(civilian.email()));
        jdbc.update("UPDATE password_reset SET expires_at = created_at WHERE account_id = ?", civilian.id());

        Answer expired = visitor.open(link);
        Answer posted = visitor.postForm("/password/reset", Map.of("token", token(link), "newPassword", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));

        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.body()).contains("사용할 수 없는 링크입니다", "기한(30분)이 지났거나");
        assertThat(posted.status()).isLessThan(500);
        assertThat(posted.body()).doesNotContain("새 비밀번호가 설정되었습니다");
        assertThat(browser().login(civilian.email(), TestAccounts.PASSWORD)).isTrue();
        for (String bad : List.of("/password/reset", "/password/reset?token=", "/password/reset?token=abc",
                "/password/reset?token=" + "A".repeat(43))) {
            Answer answer = visitor.get(bad);
            assertThat(answer.status()).as(bad).isEqualTo(200);
            assertThat(answer.body()).as(bad).contains("사용할 수 없는 링크입니다");
        }
    }

    @Test
    void shouldMailAtMostThreeLinksPerEmailAndAnswerTheSameAfterwards() {
        AccountPrincipal civilian = accounts.create(Role.CIVILIAN, "en");
        WebClient visitor = browser();
        List<String> answers = new java.util.ArrayList<>();

        for (int i = 0; i < 5; i++) {
            answers.add(askForLink(visitor, civilian.email()));
        }

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM password_reset WHERE account_id = ?", Integer.class,
                civilian.id())).as("links made (one mail each)").isEqualTo(3);
        assertThat(mailsTo(civilian.email(), 3)).hasSize(3);
    }

    @Test
    void shouldCountRequestsPerKeyWithinTheWindow() {
        String address = "reset-address:test-" + UUID.randomUUID();
        String other = "reset-address:test-" + UUID.randomUUID();

        List<Boolean> taken = List.of(quota.take(address, 2, Duration.ofHours(1)),
                quota.take(address, 2, Duration.ofHours(1)), quota.take(address, 2, Duration.ofHours(1)));

        assertThat(taken).containsExactly(true, true, false);
        assertThat(quota.take(other, 2, Duration.ofHours(1))).as("another address has its own count").isTrue();
        jdbc.update("UPDATE request_quota SET window_start = ? WHERE quota_key = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(2))), address);
        assertThat(quota.take(address, 2, Duration.ofHours(1))).as("a new window").isTrue();
    }

    /** Asks for a link from the forgot page; answers the page the person lands on. */
    private static String askForLink(WebClient visitor, String email) {
        assertThat(visitor.get("/login").body()).contains("href=\"/password/forgot\"");
        visitor.open("/password/forgot");
        Answer asked = visitor.postForm("/password/forgot", Map.of("email", email));
        assertThat(asked.location()).endsWith("/login");
        return visitor.get("/login").body().replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", "");
    }

    private static String linkIn(MimeMessage mail) {
        Matcher matcher = LINK.matcher(body(mail));
        assertThat(matcher.find()).as("a reset link in the mail").isTrue();
        return matcher.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf('=') + 1);
    }

    private List<String> storedMailBodies(String email) {
        return jdbc.queryForList("SELECT body FROM outbound_mail WHERE recipient = ?", String.class, email);
    }

    private static MimeMessage singleMailTo(String email) {
        List<MimeMessage> mails = mailsTo(email, 1);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String email, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() >= expected);
        return mailsTo(email);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WebClient browser() {
        return WebClient.forPort(port).acceptingHtml();
    }
}
