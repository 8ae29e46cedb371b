package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Demo mode cannot meet a real database: the start-up stops with a message that names the rule; outside demo mode
 * the demo accounts and the demo device token found in a database are switched off at start-up.
 */
@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class DemoModeTests {

    private static final String DEMO_DEVICE_TOKEN = "demo-checkpoint-device-token";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRefuseToStartInDemoModeOnAnythingButEmbeddedH2() {
        assertThatThrownBy(() -> AppBoot.start("--kc.demo.enabled=true",
                "--spring.datasource.url=jdbc:mysql://db.internal:3306/kaesong?password=secret-in-url").close())
                .hasStackTraceContaining("Demo mode (kc.demo.enabled=true) runs only on the embedded H2 database")
                .hasStackTraceContaining("jdbc:mysql:")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("secret-in-url"));
        assertThatThrownBy(() -> AppBoot.start("--kc.demo.enabled=true",
                "--spring.datasource.url=jdbc:h2:tcp://db.internal/kaesong").close())
                .hasStackTraceContaining("runs only on the embedded H2 database");
    }

    @Test
    void shouldDisableDemoAccountsAndTheDemoDeviceOutsideDemoMode() throws Exception {
        String demoEmail = "leftover-" + UUID.randomUUID() + "@demo.test";
        String otherEmail = "kept-" + UUID.randomUUID() + "@test.example";
        insertAccount(demoEmail);
        insertAccount(otherEmail);
        String tokenHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(DEMO_DEVICE_TOKEN.getBytes(StandardCharsets.UTF_8)));
        if (jdbc.update("update checkpoint_device set revoked_at = null where token_hash = ?", tokenHash) == 0) {
            jdbc.update("insert into checkpoint_device (name, token_hash, created_at) values (?, ?, ?)",
                    "demo-lane-1", tokenHash, Timestamp.from(Instant.now()));
        }

        context.getBean("demoAccountsOff", ApplicationRunner.class).run(new DefaultApplicationArguments());
        context.getBean("demoDeviceOff", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(enabled(demoEmail)).isFalse();
        assertThat(enabled(otherEmail)).isTrue();
        assertThat(jdbc.queryForObject("select revoked_at from checkpoint_device where token_hash = ?",
                Timestamp.class, tokenHash)).isNotNull();
    }

    private void insertAccount(String email) {
        jdbc.update("insert into user_account (email, display_name, password_hash, role, language, enabled, "
                + "failed_logins, created_at) values (?, 'Demo', 'x', 'ADMIN', 'ko', true, 0, ?)", email,
                Timestamp.from(Instant.now()));
    }

    private boolean enabled(String email) {
        return jdbc.queryForObject("select enabled from user_account where email = ?", Boolean.class, email);
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
