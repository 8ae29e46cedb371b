package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.kaesongcrossing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;

/**
 * Sign-in under parallel attempts, over HTTP on a real port, on whatever database KC_TEST_DB selects: the failures
 * counted for one account stop at exactly the configured number, and an account an administrator disables while
 * its password is being accepted keeps no session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SignInRaceTests.DisableDuringSignIn.class)
class SignInRaceTests {

    private static final int ATTEMPTS = 50;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    LoginSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldCountExactlyTheConfiguredFailuresBeforeTheLockUnderParallelWrongPasswords() throws Exception {
        AccountPrincipal user = accounts.create(Role.CIVILIAN);
        List<WebClient> browsers = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            // 50 bcrypt checks at once on a small, busy machine take a while: no timing is asserted here
            WebClient browser = WebClient.forPort(port).acceptingHtml().withTimeout(Duration.ofMinutes(3));
            browser.open("/login");
            browsers.add(browser);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            List<Future<WebClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                WebClient browser = browsers.get(i);
                String password = "wrong password " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.postForm("/login", java.util.Map.of("username", user.email(),
                            "password", password));
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<WebClient.Answer> future : answers) {
                WebClient.Answer answer = future.get();
                // 503: the connection pool was busy with the others, and the attempt failed closed, uncounted
                assertThat(answer.status()).isIn(302, 503);
                if (answer.status() == 302) {
                    assertThat(answer.location()).endsWith("/login?error");
                    refused++;
                }
            }
            assertThat(refused).isGreaterThan(settings.maxFailuresPerAccount());
        } finally {
            pool.shutdownNow();
        }

        TestAccounts.Snapshot after = accounts.find(user.email()).orElseThrow();
        assertThat(after.failedLogins()).isEqualTo(settings.maxFailuresPerAccount());
        assertThat(after.lockSet()).isTrue();
        assertThat(WebClient.forPort(port).acceptingHtml().postLogin(user.email(), TestAccounts.PASSWORD).location())
                .as("locked: the right password is refused too").endsWith("/login?error");
    }

    @Test
    void shouldLeaveNoSessionWhenTheAccountIsDisabledWhileSigningIn() {
        AccountPrincipal staff = accounts.create(Role.OFFICER);
        DisableDuringSignIn.target = staff.email();
        try {
            WebClient browser = WebClient.forPort(port).acceptingHtml();
            browser.postLogin(staff.email(), TestAccounts.PASSWORD);

            assertThat(browser.get("/review").location()).endsWith("/login");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?",
                    Integer.class, staff.email())).isZero();
        } finally {
            DisableDuringSignIn.target = null;
        }
    }

    /**
     * An administrator's change landing between the password check and the success handler: this listener runs in
     * that gap (Spring Security publishes the event there) and disables the account as a separate commit.
     */
    @TestConfiguration
    static class DisableDuringSignIn {

        static volatile String target;

        private final JdbcTemplate jdbc;

        DisableDuringSignIn(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(InteractiveAuthenticationSuccessEvent event) {
            if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal user
                    && user.email().equals(target)) {
                jdbc.update("update user_account set enabled = false where id = ?", user.id());
            }
        }
    }
}
