package kr.kaesongcrossing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kr.kaesongcrossing.KaesongCrossingApplication;
import kr.kaesongcrossing.account.AccountPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two app instances (two Spring contexts, own pools) on one database and one SMTP server: a mail goes out once
 * when both resubmit the same failed publications at the same moment, and when both handle the same decision at
 * once (as when one instance restarts while the other is still sending).
 */
@Tag("slow")
@Tag("two-instances")
@SpringBootTest
class MailTwoInstancesTests {

    static final LateSmtp SMTP = new LateSmtp();
    static ConfigurableApplicationContext second;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(KaesongCrossingApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.port);
    }

    @AfterAll
    static void stop() {
        second.close();
        SMTP.close();
    }

    @Autowired
    ApplicationContext first;

    @Test
    void shouldSendEachFailedMailOnceWhenBothInstancesResubmitAtOnce() throws Exception {
        SMTP.stop();
        MailFixtures fixtures = new MailFixtures(first);
        List<AccountPrincipal> applicants = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            applicants.add(fixtures.applicant());
            references.add(fixtures.reject(applicants.get(i)));
        }
        for (String reference : references) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(fixtures.publication(reference)));
        }

        SMTP.start();
        Instant later = fixtures.now().plus(Duration.ofMinutes(2));
        concurrently(List.of(retry(first), retry(second)), retry -> retry.resubmit(later));

        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.publication(reference) == null);
            assertThat(fixtures.mail(reference)).isEqualTo("SENT");
            assertThat(SMTP.mailsTo(applicants.get(i).email())).hasSize(1);
        }
    }

    @Test
    void shouldSendOnceWhenBothInstancesDeliverTheSameMailAtOnce() throws Exception {
        SMTP.start();
        MailFixtures fixtures = new MailFixtures(first);
        AccountPrincipal applicant = fixtures.applicant();
        String reference = "KC-T" + System.nanoTime() % 100_000_000;
        String eventKey = "1/REJECTED/" + Instant.now();
        List<MailDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deliveries.add((i % 2 == 0 ? first : second).getBean(MailDelivery.class));
        }

        concurrently(deliveries, delivery -> delivery.deliver(eventKey,
                () -> Optional.of(new OutboundMail(applicant.email(), "en", "Rejected", "Dates overlap.", reference,
                        eventKey, Instant.now()))));

        assertThat(fixtures.mail(reference)).isEqualTo("SENT");
        assertThat(SMTP.mailsTo(applicant.email())).hasSize(1);
    }

    private static MailRetry retry(ApplicationContext instance) {
        return new MailRetry(instance.getBean(IncompleteEventPublications.class), Clock.systemUTC(), Duration.ZERO,
                Duration.ofMinutes(1));
    }

    /**
     * Runs the action for every target at the same moment and waits for all. What they throw is expected: an
     * attempt finds the mail held, or stored by another at the same moment.
     */
    private static <T> void concurrently(List<T> targets, Consumer<T> action)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T target : targets) {
                done.add(pool.submit(() -> {
                    start.await();
                    action.accept(target);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException expected) {
                    // held or stored by another attempt: the assertions count the mail
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
