package kr.kaesongcrossing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.KaesongCrossingApplication;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the app on one database, no load balancer, the client alternating between them: sessions live
 * in the database (Spring Session JDBC), so a sign-in on one is valid on the other, a CSRF token from one is
 * accepted by the other, and signing out on one ends the session on both. The second instance is a second Spring
 * context in this JVM with the same test configuration (same in-memory H2, or the KC_TEST_DB server); the
 * process-level version with kill -9 is in ReliabilitySuiteIT.
 */
@Tag("slow")
@Tag("two-instances")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesSessionTests {

    private static final String PASSWORD = "two instances one database";

    @LocalServerPort
    int portA;

    private ConfigurableApplicationContext instanceB;
    private int portB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(KaesongCrossingApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
        portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void shouldKeepASignInValidOnTheOtherInstance() {
        WebClient onA = WebClient.forPort(portA);
        String email = registeredCivilian(onA, "두 인스턴스");
        assertThat(onA.login(email, PASSWORD)).isTrue();

        Answer onB = onA.sameBrowserOn(portB).get("/");

        assertThat(portB).isNotEqualTo(portA);
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).contains("두 인스턴스");
    }

    @Test
    void shouldServeAClientThatAlternatesBetweenInstances() {
        WebClient onA = WebClient.forPort(portA);
        String email = registeredCivilian(onA, "Alternating Client");
        WebClient onB = onA.sameBrowserOn(portB);
        assertThat(onB.login(email, PASSWORD)).as("signed in on B").isTrue();

        for (int i = 0; i < 6; i++) {
            WebClient instance = i % 2 == 0 ? onA : onB;
            Answer home = instance.get("/");
            assertThat(home.status()).as("request %d on %s", i, instance.baseUrl()).isEqualTo(200);
            assertThat(home.body()).contains("Alternating Client");
        }
    }

    @Test
    void shouldAcceptTheCsrfTokenOfOneInstanceOnTheOtherAndEndTheSessionOnBoth() {
        WebClient onA = WebClient.forPort(portA);
        String email = registeredCivilian(onA, "Sign Out Everywhere");
        assertThat(onA.login(email, PASSWORD)).isTrue();
        WebClient onB = onA.sameBrowserOn(portB);

        Answer logoutOnB = onB.postForm("/logout", Map.of());
        Answer afterwardsOnA = onA.get("/");

        assertThat(logoutOnB.isRedirectTo("/login?logout")).as("B took A's CSRF token: %s", logoutOnB.location())
                .isTrue();
        assertThat(afterwardsOnA.isRedirectTo("/login")).as("the session ended on A too").isTrue();
    }

    private static String registeredCivilian(WebClient client, String name) {
        String email = "two-instances-" + UUID.randomUUID() + "@test.example";
        assertThat(client.register(email, name, PASSWORD, "ko")).as("registration").isTrue();
        return email;
    }
}
