package kr.kaesongcrossing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import kr.kaesongcrossing.account.AccountPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A decision while the SMTP server is down: the mail is stored as failed and its event publication stays
 * incomplete; once the server is back, the retry pass (after its back-off) sends it, once.
 */
@SpringBootTest
class MailOutageTests {

    static final LateSmtp SMTP = new LateSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    IncompleteEventPublications publications;

    MailFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MailFixtures(context);
    }

    @Test
    void shouldKeepTheMailWhileSmtpIsDownAndSendItOnceAfterTheBackOff() {
        AccountPrincipal applicant = fixtures.applicant();
        String reference = fixtures.reject(applicant);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(fixtures.publication(reference)));
        assertThat(fixtures.mail(reference)).isEqualTo("FAILED");
        assertThat(fixtures.error(reference)).isNotBlank();

        SMTP.start();
        MailRetry retry = new MailRetry(publications, Clock.systemUTC(), Duration.ZERO, Duration.ofMinutes(1));
        retry.resubmit(fixtures.now());
        assertThat(fixtures.publication(reference)).as("not yet due: first back-off is a minute").isEqualTo("FAILED");

        retry.resubmit(fixtures.now().plus(Duration.ofMinutes(2)));

        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.publication(reference) == null);
        assertThat(fixtures.mail(reference)).isEqualTo("SENT");
        assertThat(SMTP.mailsTo(applicant.email())).hasSize(1);
        retry.resubmit(fixtures.now().plus(Duration.ofHours(2)));
        assertThat(SMTP.mailsTo(applicant.email())).as("nothing left to resubmit").hasSize(1);
    }

    @Test
    void shouldWaitLongerAfterEachFailedAttemptUpToAnHour() {
        MailRetry retry = new MailRetry(publications, Clock.systemUTC(), Duration.ZERO, Duration.ofMinutes(1));

        assertThat(retry.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(retry.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(retry.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(retry.backoff(500)).isEqualTo(Duration.ofHours(1));
    }
}
