package kr.kaesongcrossing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One MariaDB/MySQL database per test JVM. Surefire and failsafe run test classes in several JVMs at once
 * ({@code forkCount} in pom.xml), each with its suffix in the system property {@code kc.test.fork} ({@code _1},
 * {@code _2}, ...; a bare {@code ${surefire.forkNumber}} would reach the JVM empty). With {@code KC_TEST_DB=mysql}
 * each JVM's test contexts use a database of their own, named after the one in {@code KC_TEST_DB_URL} with that
 * suffix ({@code kaesong_ci} becomes {@code kaesong_ci_1}, {@code kaesong_ci_2}, ...),
 * dropped and created afresh before the JVM's first context: a test that counts or clears rows still sees only
 * its own JVM's data. Without a fork number (an IDE) the URL stays as given; H2 in memory is per JVM already.
 */
public final class ForkDatabase implements EnvironmentPostProcessor {

    private static final Pattern URL = Pattern.compile("^(jdbc:mysql://[^/?]+/)([A-Za-z0-9_]+)(\\?.*)?$");
    private static String url;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // only the contexts of the test configuration (apps booted their own way name their database themselves)
        if (environment.containsProperty("kc.test.db.url")) {
            url().ifPresent(forkUrl -> environment.getPropertySources()
                    .addFirst(new MapPropertySource("kcForkDatabase", Map.of("kc.test.db.url", forkUrl))));
        }
    }

    /** This JVM's database URL, the database made on first use; empty on H2 or outside a numbered fork. */
    static synchronized Optional<String> url() {
        String fork = System.getProperty("kc.test.fork", "");
        String base = System.getenv("KC_TEST_DB_URL");
        if (!"mysql".equalsIgnoreCase(System.getenv("KC_TEST_DB")) || !fork.matches("_[1-9][0-9]?") || base == null) {
            return Optional.empty();
        }
        if (url == null) {
            Matcher parts = URL.matcher(base);
            if (!parts.matches()) {
                throw new IllegalStateException("KC_TEST_DB_URL must be jdbc:mysql://host:port/database?...: " + base);
            }
            String name = parts.group(2) + fork;
            try (Connection c = DriverManager.getConnection(base, env("KC_TEST_DB_USERNAME", "root"),
                    env("KC_TEST_DB_PASSWORD", "")); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + name, e);
            }
            url = parts.group(1) + name + (parts.group(3) == null ? "" : parts.group(3));
        }
        return Optional.of(url);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
