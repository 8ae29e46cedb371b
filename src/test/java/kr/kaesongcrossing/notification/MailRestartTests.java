package kr.kaesongcrossing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.KaesongCrossingApplication;
import kr.kaesongcrossing.account.AccountPrincipal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The case: a decision's mail fails because the SMTP server is down, the app stops, the server comes back,
 * and the restarted app (same database) sends the mail in its first retry pass, once.
 */
@Tag("slow")
class MailRestartTests {

    @Test
    void shouldSendAfterARestartTheMailThatFailedBefore() {
        try (LateSmtp smtp = new LateSmtp()) {
            AccountPrincipal applicant;
            String reference;
            try (ConfigurableApplicationContext before = start(smtp)) {
                MailFixtures fixtures = new MailFixtures(before);
                applicant = fixtures.applicant();
                reference = fixtures.reject(applicant);
                await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(fixtures.publication(reference)));
            }

            smtp.start();
            try (ConfigurableApplicationContext after = start(smtp, "--kc.mail.retry.interval=PT1M",
                    "--kc.mail.retry.backoff=PT0S")) {
                MailFixtures fixtures = new MailFixtures(after);
                await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.publication(reference) == null);
                assertThat(fixtures.mail(reference)).isEqualTo("SENT");
                assertThat(smtp.mailsTo(applicant.email())).hasSize(1);
            }
        }
    }

    /** The app as the tests configure it (same database), its mail going to {@code smtp}. */
    private static ConfigurableApplicationContext start(LateSmtp smtp, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(KaesongCrossingApplication.class).run(args.toArray(String[]::new));
    }
}
