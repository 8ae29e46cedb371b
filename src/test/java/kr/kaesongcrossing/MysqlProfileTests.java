package kr.kaesongcrossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a fresh database: no demo data or accounts, and the first administrator only from
 * KC_BOOTSTRAP_ADMIN_EMAIL / KC_BOOTSTRAP_ADMIN_PASSWORD (policy enforced, ignored once an admin exists).
 * Runs on a fresh H2 by default, on a fresh database of the MySQL-family server with KC_TEST_DB=mysql.
 */
class MysqlProfileTests {

    private static final String ADMIN_PASSWORD = "harbour lights at incheon";

    @Test
    void shouldStartWithoutDemoDataAndCreateTheFirstAdministratorOnlyOnce() {
        try (TestDatabase db = new TestDatabase()) {
            assertThatThrownBy(() -> boot(db, "first@ops.example", "password1234").close())
                    .hasStackTraceContaining("KC_BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy")
                    .satisfies(e -> assertThat(stackText(e)).doesNotContain("password1234"));

            try (AppBoot app = boot(db, null, null)) {
                JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account", Integer.class)).isZero();
                HttpResponse<String> login = app.http().get("/login");
                assertThat(login.body()).doesNotContain("demo.test", "kaesong-demo-2026", "demo-banner");
                assertThat(TestHttp.location(app.http().login("admin@demo.test", "kaesong-demo-2026")))
                        .endsWith("/login?error");
            }

            try (AppBoot app = boot(db, "First@Ops.example", ADMIN_PASSWORD)) {
                TestHttp http = app.http();
                assertThat(TestHttp.location(http.login("first@ops.example", ADMIN_PASSWORD))).doesNotContain("error");
                assertThat(http.get("/admin/users").statusCode()).isEqualTo(200);
            }

            try (AppBoot app = boot(db, "second@ops.example", ADMIN_PASSWORD + " again")) {
                JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("SELECT email FROM user_account WHERE role = 'ADMIN'", String.class))
                        .containsExactly("first@ops.example");
            }
        }
    }

    private static AppBoot boot(TestDatabase db, String adminEmail, String adminPassword) {
        List<String> args = new ArrayList<>(db.appArguments());
        args.add("--spring.profiles.active=mysql");
        if (adminEmail != null) {
            args.add("--KC_BOOTSTRAP_ADMIN_EMAIL=" + adminEmail);
            args.add("--KC_BOOTSTRAP_ADMIN_PASSWORD=" + adminPassword);
        }
        return AppBoot.start(args.toArray(String[]::new));
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
