package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a fresh database: no demo data or accounts, and the first administrator only from
 * KC_BOOTSTRAP_ADMIN_EMAIL / KC_BOOTSTRAP_ADMIN_PASSWORD (policy enforced, ignored once an admin exists).
 * Without an SMTP server it does not start, nor without the passkey site (KC_WEBAUTHN_RP_ID and
 * KC_WEBAUTHN_ALLOWED_ORIGINS). Runs on a fresh H2 by default, on a fresh database of the MySQL-family server with KC_TEST_DB=mysql.
 */
class MysqlProfileTests {

    private static final String ADMIN_PASSWORD = "harbour lights at incheon";
    private static final String KEYSTORE_PASSWORD = "changeit-please";

    /** Production secrets other modules require in this profile (pass signing keystore, ID number key). */
    @TempDir
    static Path secrets;

    @BeforeAll
    static void makeProductionSecrets() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "Ed25519",
                "-storetype", "PKCS12", "-keystore", secrets.resolve("signing.p12").toString(), "-storepass",
                KEYSTORE_PASSWORD, "-alias", "kc-test", "-dname", "CN=Kaesong Crossing test", "-validity", "30")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void shouldStartWithoutDemoDataAndCreateTheFirstAdministratorOnlyOnce() {
        try (TestDatabase db = new TestDatabase()) {
            List<String> noSmtp = new ArrayList<>(arguments(db, null, null));
            noSmtp.removeIf(a -> a.startsWith("--spring.mail.host="));
            assertThatThrownBy(() -> AppBoot.start(noSmtp.toArray(String[]::new)).close())
                    .hasStackTraceContaining("No SMTP server configured: outside demo mode");

            for (String passkeySetting : List.of("--KC_WEBAUTHN_RP_ID=", "--KC_WEBAUTHN_ALLOWED_ORIGINS=")) {
                List<String> noPasskeySite = new ArrayList<>(arguments(db, null, null));
                noPasskeySite.removeIf(a -> a.startsWith(passkeySetting));
                String variable = passkeySetting.substring(2, passkeySetting.length() - 1);
                assertThatThrownBy(() -> AppBoot.start(noPasskeySite.toArray(String[]::new)).close())
                        .as("without %s", variable).hasStackTraceContaining("'" + variable + "'");
            }

            assertThatThrownBy(() -> boot(db, "first@ops.example", "password1234").close())
                    .hasStackTraceContaining("KC_BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy")
                    .satisfies(e -> assertThat(stackText(e)).doesNotContain("password1234"));

            try (AppBoot app = boot(db, null, null)) {
                JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account", Integer.class)).isZero();
                assertThat(app.http().get("/login").body())
                        .doesNotContain("demo.test", "kaesong-demo-2026", "demo-banner",
                                kr.kaesongcrossing.account.mfa.Totp.DEMO_SECRET, "demo-totp");
                assertThat(app.http().postLogin("admin@demo.test", "kaesong-demo-2026").location())
                        .endsWith("/login?error");
            }

            try (AppBoot app = boot(db, "First@Ops.example", ADMIN_PASSWORD)) {
                WebClient http = app.http();
                assertThat(http.login("first@ops.example", ADMIN_PASSWORD)).as("with the app enrolled").isTrue();
                assertThat(http.get("/admin/users").status()).isEqualTo(200);
            }

            try (AppBoot app = boot(db, "second@ops.example", ADMIN_PASSWORD + " again")) {
                JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("SELECT email FROM user_account WHERE role = 'ADMIN'", String.class))
                        .containsExactly("first@ops.example");
            }
        }
    }

    private static AppBoot boot(TestDatabase db, String adminEmail, String adminPassword) {
        return AppBoot.start(arguments(db, adminEmail, adminPassword).toArray(String[]::new));
    }

    private static List<String> arguments(TestDatabase db, String adminEmail, String adminPassword) {
        List<String> args = new ArrayList<>(db.appArguments());
        args.add("--spring.mail.host=127.0.0.1");
        args.add("--spring.profiles.active=mysql");
        args.add("--KC_SIGNING_KEYSTORE=" + secrets.resolve("signing.p12"));
        args.add("--KC_SIGNING_KEYSTORE_PASSWORD=" + KEYSTORE_PASSWORD);
        args.add("--KC_SIGNING_ACTIVE_ALIAS=kc-test");
        args.add("--KC_WEBAUTHN_RP_ID=crossing.example.kr");
        args.add("--KC_WEBAUTHN_ALLOWED_ORIGINS=https://crossing.example.kr");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        args.add("--kc.crypto.id-number-key=" + Base64.getEncoder().encodeToString(key));
        new SecureRandom().nextBytes(key);
        args.add("--kc.crypto.id-hash-key=" + Base64.getEncoder().encodeToString(key));
        if (adminEmail != null) {
            args.add("--KC_BOOTSTRAP_ADMIN_EMAIL=" + adminEmail);
            args.add("--KC_BOOTSTRAP_ADMIN_PASSWORD=" + adminPassword);
        }
        return args;
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
