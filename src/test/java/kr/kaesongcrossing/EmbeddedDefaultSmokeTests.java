package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import kr.kaesongcrossing.WebClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw spring-boot:run} gives on a fresh machine: the packaged default configuration (H2 file, demo
 * data on), only with the data directory moved to a temporary folder. Each demo account logs in and sees its own
 * home; data survives a restart.
 */
class EmbeddedDefaultSmokeTests {

    private static final String DEMO_PASSWORD = "kaesong-demo-2026";

    @TempDir
    Path dataDir;

    @Test
    void shouldServeLoginAndLetEachDemoAccountReachItsHomeAndKeepDataAcrossRestart() throws IOException {
        String url = defaultDatasourceUrl();
        assertThat(url).startsWith("jdbc:h2:file:./data/").contains("MODE=MySQL");
        String tempUrl = url.replace("./data/", dataDir.toAbsolutePath().toString().replace('\\', '/') + "/");
        String email = "smoke-" + UUID.randomUUID() + "@test.example";

        try (AppBoot app = AppBoot.start("--spring.datasource.url=" + tempUrl, "--kc.data-dir=" + dataDir)) {
            WebClient anonymous = app.http();
            Answer login = anonymous.get("/login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("civilian@demo.test", DEMO_PASSWORD, "demo-banner",
                    kr.kaesongcrossing.account.mfa.Totp.DEMO_SECRET, "class=\"demo-totp\"");
            assertThat(anonymous.get("/actuator/health").body()).contains("UP");

            assertHome(app, "civilian@demo.test", "/applications");
            assertHome(app, "officer@demo.test", "/review");
            assertHome(app, "checkpoint@demo.test", "/checkpoint");
            assertHome(app, "admin@demo.test", "/admin/users");

            WebClient newcomer = app.http();
            newcomer.open("/register");
            Answer registered = newcomer.postForm("/register", Map.of("email", email,
                    "displayName", "Smoke Test", "password", "lanterns drift over the imjin", "language", "en"));
            assertThat(registered.location()).endsWith("/login");
        }
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".mv.db"));

        try (AppBoot again = AppBoot.start("--spring.datasource.url=" + tempUrl, "--kc.data-dir=" + dataDir)) {
            WebClient http = again.http();
            assertThat(http.postLogin(email, "lanterns drift over the imjin").location()).doesNotContain("error");
            assertThat(http.get("/").body()).contains("Smoke Test");
        }
    }

    private static void assertHome(AppBoot app, String email, String menuLink) {
        WebClient http = app.http();
        Answer login = http.postLogin(email, DEMO_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).as(email).doesNotContain("error");
        assertThat(http.secondFactorIfAsked(email)).as(email).isTrue();
        Answer home = http.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"" + menuLink + "\"");
    }

    private static String defaultDatasourceUrl() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = EmbeddedDefaultSmokeTests.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        return defaults.getProperty("spring.datasource.url");
    }
}
