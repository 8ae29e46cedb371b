package kr.kaesongcrossing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database of the kind the tests run on (H2 in memory by default; with {@code KC_TEST_DB=mysql} a
 * new utf8mb4 database on the server of {@code KC_TEST_DB_URL}), for tests that boot the app their own way.
 * {@link #appArguments()} are the {@code DB_*} variables of the {@code mysql} profile plus the driver.
 */
public final class TestDatabase implements AutoCloseable {

    private final boolean mysql = "mysql".equalsIgnoreCase(System.getenv("KC_TEST_DB"));
    private final String name = "kc_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String url;

    public TestDatabase() {
        if (mysql) {
            try (Connection c = serverConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database", e);
            }
            url = serverUrl().replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1" + name);
        } else {
            url = "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                    + "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;DB_CLOSE_DELAY=-1";
        }
    }

    public boolean isMysql() {
        return mysql;
    }

    public String url() {
        return url;
    }

    /** Command-line arguments pointing the app at this database through the mysql profile's variables. */
    public List<String> appArguments() {
        List<String> args = new ArrayList<>();
        args.add("--DB_URL=" + url);
        args.add("--DB_USERNAME=" + (mysql ? env("KC_TEST_DB_USERNAME", "root") : "sa"));
        args.add("--DB_PASSWORD=" + (mysql ? env("KC_TEST_DB_PASSWORD", "") : ""));
        args.add("--DB_PRODUCT=" + (mysql ? env("KC_TEST_DB_PRODUCT", "MariaDB") : "H2"));
        args.add("--DB_MAJOR_VERSION=" + (mysql ? env("KC_TEST_DB_MAJOR_VERSION", "10") : "2"));
        args.add("--DB_MINOR_VERSION=" + (mysql ? env("KC_TEST_DB_MINOR_VERSION", "11") : "4"));
        if (!mysql) {
            args.add("--spring.datasource.driver-class-name=org.h2.Driver");
            // H2's identifier case (DATABASE_TO_LOWER) is read from JDBC metadata; MySQL-family servers need not.
            args.add("--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=true");
        }
        return args;
    }

    @Override
    public void close() {
        if (mysql) {
            try (Connection c = serverConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test database", e);
            }
        }
    }

    private static Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(serverUrl(), env("KC_TEST_DB_USERNAME", "root"),
                env("KC_TEST_DB_PASSWORD", ""));
    }

    private static String serverUrl() {
        String u = System.getenv("KC_TEST_DB_URL");
        if (u == null || !u.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql://")) {
            throw new IllegalStateException("KC_TEST_DB=mysql needs KC_TEST_DB_URL=jdbc:mysql://host:port/db?...");
        }
        return u;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
