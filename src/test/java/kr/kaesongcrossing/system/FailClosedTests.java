package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * When the database cannot serve (down, stalled, out of connections), every request fails closed: 503 with a page in
 * the user's language or a JSON error under /api/, quickly, without a stack trace and without saving anything;
 * once the database is back the same session works again without a restart. The outage is injected in front of
 * the real database (every new connection is refused as Hikari refuses one after its timeout); the real
 * kill -9 / SIGSTOP of a database server is in ReliabilitySuiteIT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {kr.kaesongcrossing.KaesongCrossingApplication.class, FailClosedTests.Outage.class})
class FailClosedTests {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration QUICK = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void databaseBack() {
        Outage.DOWN.set(false);
    }

    @Test
    void shouldAnswerAPageWith503InKoreanByDefaultWhenTheDatabaseIsDown() {
        WebClient browser = WebClient.forPort(port);
        Outage.DOWN.set(true);

        Answer answer = browser.get("/test-outage/page");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("서비스를 잠시 이용할 수 없습니다").contains("lang=\"ko\"");
        assertThat(answer.header("Retry-After")).contains("5");
        assertNoInternals(answer);
        assertThat(answer.took()).isLessThan(QUICK);
    }

    @Test
    void shouldAnswerThePageInTheChosenLanguage() {
        WebClient browser = WebClient.forPort(port);
        browser.setCookie("KCLANG", "en");
        Outage.DOWN.set(true);

        Answer answer = browser.get("/test-outage/page");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("The service is briefly unavailable").contains("lang=\"en\"");
        assertThat(answer.header("Content-Security-Policy").orElse("")).contains("object-src 'none'");
        assertNoInternals(answer);
    }

    @Test
    void shouldAnswerTheApiWith503JsonWhenTheDatabaseIsDown() {
        WebClient device = WebClient.forPort(port);
        Outage.DOWN.set(true);

        Answer answer = device.postJson("/api/test-outage/write", "{\"scanId\":\"" + UUID.randomUUID() + "\"}",
                Map.of("Accept", "application/json"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).contains("\"error\":\"DATABASE_UNAVAILABLE\"")
                .contains("\"message\":\"지금은 데이터베이스에 연결할 수 없습니다.");
        assertNoInternals(answer);
        assertThat(answer.took()).isLessThan(QUICK);
    }

    @Test
    void shouldFailClosedWhenTheSessionCannotBeLoadedAndRecoverWhenTheDatabaseIsBack() {
        WebClient browser = WebClient.forPort(port);
        String email = "outage-" + UUID.randomUUID() + "@test.example";
        assertThat(browser.register(email, "장애 시험", PASSWORD, "en")).isTrue();
        assertThat(browser.login(email, PASSWORD)).isTrue();
        browser.setCookie("KCLANG", "en");
        assertThat(browser.get("/").status()).isEqualTo(200);

        Outage.DOWN.set(true);
        Answer duringOutage = browser.get("/");
        Outage.DOWN.set(false);
        Answer afterwards = browser.get("/");

        assertThat(duringOutage.status()).isEqualTo(503);
        assertThat(duringOutage.body()).contains("The service is briefly unavailable");
        assertNoInternals(duringOutage);
        assertThat(duringOutage.took()).isLessThan(QUICK);
        assertThat(afterwards.status()).as("same session, no restart").isEqualTo(200);
        assertThat(afterwards.body()).contains("장애 시험");
    }

    @Test
    void shouldNotSignInNorRegisterWhileTheDatabaseIsDown() {
        WebClient browser = WebClient.forPort(port);
        browser.open("/register");
        String email = "never-" + UUID.randomUUID() + "@test.example";
        Outage.DOWN.set(true);

        Answer registration = browser.postForm("/register",
                Map.of("email", email, "displayName", "Nobody", "password", PASSWORD, "language", "ko"));
        Answer login = browser.postForm("/login", Map.of("username", "civilian@demo.test", "password", PASSWORD));
        Outage.DOWN.set(false);

        assertThat(registration.status()).isEqualTo(503);
        assertNoInternals(registration);
        assertThat(login.status()).as("no session can be made: refused, not signed in").isIn(302, 503);
        assertThat(login.location()).doesNotEndWith("/");
        assertThat(jdbc.queryForObject("select count(*) from user_account where email = ?", Integer.class, email))
                .isZero();
    }

    @Test
    void shouldAnswer503WhenTheConnectionDiedAndTheRollbackFailedToo() {
        // Spring then throws the rollback's failure, which says only "Connection is closed" (Hikari's proxy).
        Answer answer = WebClient.forPort(port).postJson("/api/test-outage/rollback-failed", "{}",
                Map.of("Accept", "application/json"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("\"error\":\"DATABASE_UNAVAILABLE\"");
    }

    @Test
    void shouldKeepOtherFailuresAs500WithoutInternals() {
        WebClient browser = WebClient.forPort(port);

        Answer answer = browser.get("/test-outage/bug");

        assertThat(answer.status()).isEqualTo(500);
        assertNoInternals(answer);
    }

    static void assertNoInternals(Answer answer) {
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", ".java:", "org.springframework",
                "org.hibernate", "HikariPool", "SQLState", "Whitelabel");
    }

    /** Lets a test take the database away: new connections are refused until it is back. */
    @TestConfiguration
    static class Outage {

        static final AtomicBoolean DOWN = new AtomicBoolean();

        @Bean
        static BeanPostProcessor outageSwitch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof SwitchableDataSource)
                            ? new SwitchableDataSource(dataSource) : bean;
                }
            };
        }

        @Bean
        @Order(0)
        SecurityFilterChain outageProbeChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/test-outage/**", "/api/test-outage/**")
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable());
            return http.build();
        }

        @Bean
        Probe outageProbe(JdbcTemplate jdbc) {
            return new Probe(jdbc);
        }
    }

    @RestController
    static class Probe {

        private final JdbcTemplate jdbc;

        Probe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/test-outage/page")
        String page() {
            return "accounts: " + jdbc.queryForObject("select count(*) from user_account", Integer.class);
        }

        @Transactional
        @PostMapping("/api/test-outage/write")
        String write() {
            return "accounts: " + jdbc.queryForObject("select count(*) from user_account", Integer.class);
        }

        @PostMapping("/api/test-outage/rollback-failed")
        String rollbackFailed() {
            throw new org.springframework.orm.jpa.JpaSystemException(new org.hibernate.TransactionException(
                    "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        }

        @GetMapping("/test-outage/bug")
        String bug() {
            throw new IllegalStateException("a bug, not an outage");
        }
    }

    static final class SwitchableDataSource implements DataSource {

        private final DataSource target;

        SwitchableDataSource(DataSource target) {
            this.target = target;
        }

        private void refuseWhenDown() throws SQLException {
            if (Outage.DOWN.get()) {
                throw new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 3000ms (test outage)");
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            refuseWhenDown();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            refuseWhenDown();
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
