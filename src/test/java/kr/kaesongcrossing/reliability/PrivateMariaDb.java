package kr.kaesongcrossing.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server owned by the suite (its own data folder and loopback port), so that the database crash
 * and stall cases can kill -9 or SIGSTOP it without touching the shared server on port 3306.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final String[] SERVER_DIRS = {"/usr/sbin", "/usr/local/sbin", "/usr/local/mysql/bin"};
    private static final String[] SCRIPT_DIRS = {"/usr/bin", "/usr/local/bin", "/usr/local/mysql/scripts"};

    private final Path server;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path server, Path dataDir, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.log = dataDir.resolveSibling("mariadbd.log");
    }

    /** Installs a fresh data folder (skips the test when MariaDB is not installed, fails when tools are required). */
    public static PrivateMariaDb install(Path workDir) {
        Path server = Tools.require("mariadbd", "mariadb-server", SERVER_DIRS);
        Path installer = Tools.require("mariadb-install-db", "mariadb-server", SCRIPT_DIRS);
        Path dataDir = workDir.resolve("mariadb-data");
        List<String> command = new ArrayList<>(List.of(installer.toString(), "--no-defaults",
                "--datadir=" + dataDir, "--auth-root-authentication-method=normal", "--skip-test-db"));
        command.add("--user=" + System.getProperty("user.name"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("mariadb-install.log").toFile());
        Process install = Tools.start(builder);
        try {
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed:\n"
                        + Tools.tail(workDir.resolve("mariadb-install.log"), 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new PrivateMariaDb(server, dataDir, Tools.freePort());
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true";
    }

    /** Starts the server (again, on the same data after a crash: InnoDB recovers) and waits for connections. */
    public Duration start() {
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                "--datadir=" + dataDir, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dataDir.resolve("mariadbd.sock"), "--pid-file=" + dataDir.resolve("mariadbd.pid"),
                "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=32M", "--skip-name-resolve",
                "--innodb-flush-log-at-trx-commit=1", "--max-connections=200",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
        command.add("--user=" + System.getProperty("user.name"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long begin = System.nanoTime();
        process = Tools.start(builder);
        long deadline = begin + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited:\n" + Tools.tail(log, 40));
            }
            try (Connection ignored = connect("")) {
                return Duration.ofNanos(System.nanoTime() - begin);
            } catch (SQLException notYet) {
                AppProcess.pause(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("mariadbd did not accept connections:\n" + Tools.tail(log, 40));
    }

    public void createDatabase(String name) {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "root");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2000");
        properties.setProperty("socketTimeout", "30000");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** kill -9 of the server: no flush, no goodbye to clients. */
    public void killHard() {
        Tools.killHard(process);
    }

    /** SIGSTOP: the server keeps its sockets open and answers nothing (a stalled database). */
    public void freeze() {
        Tools.signal(process, "STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        Tools.signal(process, "CONT");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Tools.signal(process, "CONT");
            Tools.killHard(process);
        }
    }
}
