package kr.kaesongcrossing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite: the packaged app as real processes, real load, real kill -9 (of the app and of a private
 * MariaDB server), SIGSTOP of the database, and sqlmap. Each scenario adds a row to the table printed at the end
 * (README "Reliability"). Runs in {@code ./mvnw verify} after packaging (short profile) and with {@code -Psoak}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySuiteIT {

    private static final SuiteProfile PROFILE = SuiteProfile.current();
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(120);
    /** Slowest acceptable fail-closed answer while the database is dead or frozen. */
    private static final Duration FAIL_CLOSED_LIMIT = Duration.ofSeconds(12);

    private final ReliabilityReport report = new ReliabilityReport();
    private PrivateMariaDb privateDb;
    private AppProcess privateDbApp;

    @AfterAll
    void printTable() {
        if (privateDbApp != null) {
            privateDbApp.close();
        }
        if (privateDb != null) {
            privateDb.close();
        }
        String table = report.table("Reliability suite (" + PROFILE.name() + " profile)");
        System.out.println(table);
        report.write(Path.of(System.getProperty("kc.reliability.work-dir", "target/reliability"), "report.txt"),
                table);
    }

    @Test
    @Order(1)
    void shouldKeepEveryAcknowledgedWriteWhenTheAppIsKilledOnTheEmbeddedDatabase() {
        Path work = Tools.workDir("embedded");
        try (AppProcess app = AppProcess.embedded("embedded-app", work)) {
            app.start();
            // The sharpest case: an answer, then kill -9 at once.
            WebClient browser = WebClient.forPort(app.port());
            String email = "answered-then-killed-" + UUID.randomUUID() + "@reliability.test";
            assertThat(browser.register(email, "즉시 종료", Crowd.PASSWORD, "ko")).isTrue();
            long answeredAt = System.nanoTime();
            app.killHard();
            long gapMicros = (System.nanoTime() - answeredAt) / 1_000;
            app.start();
            assertThat(WebClient.forPort(app.port()).login(email, Crowd.PASSWORD))
                    .as("a sign-up answered %d µs before kill -9 is still there", gapMicros).isTrue();

            Traffic traffic = new Traffic();
            long restartMs;
            Set<String> acknowledged;
            String runId;
            try (Crowd crowd = new Crowd(traffic, PROFILE)) {
                runId = crowd.runId();
                crowd.start(List.of(app.port()));
                restartMs = crashAndRestartDuringLoad(app, crowd);
                crowd.stop(DRAIN);
                acknowledged = crowd.acknowledged();
            }
            app.stop(); // releases the H2 file so this JVM can read it
            Map<String, Integer> stored = signUps(embeddedUrl(work), "sa", "", runId);
            record("app kill -9 x" + PROFILE.crashes(), "H2 file", traffic, acknowledged, stored, -1, restartMs);
        }
    }

    @Test
    @Order(2)
    void shouldKeepEveryAcknowledgedWriteWhenOneOfTwoInstancesIsKilledOnTheSharedDatabase() {
        org.junit.jupiter.api.Assumptions.assumeTrue("mysql".equalsIgnoreCase(System.getenv("KC_TEST_DB")),
                "runs with KC_TEST_DB=mysql (the server CI points at); two processes cannot share the H2 file");
        String url = System.getenv("KC_TEST_DB_URL");
        String user = System.getenv().getOrDefault("KC_TEST_DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("KC_TEST_DB_PASSWORD", "");
        Path work = Tools.workDir("shared-mysql");
        try (AppProcess a = AppProcess.mysql("instance-a", work, url, user, password);
                AppProcess b = a.sibling("instance-b")) {
            a.start();
            b.start();
            // A sign-in on one instance is valid on the other (sessions live in the database).
            WebClient onA = WebClient.forPort(a.port());
            String email = "two-processes-" + UUID.randomUUID() + "@reliability.test";
            assertThat(onA.register(email, "두 프로세스", Crowd.PASSWORD, "ko")).isTrue();
            assertThat(onA.login(email, Crowd.PASSWORD)).isTrue();
            WebClient.Answer onB = onA.sameBrowserOn(b.port()).get("/");
            assertThat(onB.status()).as("signed in on A, page on B").isEqualTo(200);
            assertThat(onB.body()).contains("두 프로세스");

            Traffic traffic = new Traffic();
            long restartMs;
            Set<String> acknowledged;
            String runId;
            try (Crowd crowd = new Crowd(traffic, PROFILE)) {
                runId = crowd.runId();
                crowd.start(List.of(a.port(), b.port())); // every client alternates between A and B
                restartMs = crashAndRestartDuringLoad(a, crowd);
                crowd.stop(DRAIN);
                acknowledged = crowd.acknowledged();
            }
            Map<String, Integer> stored = signUps(url, user, password, runId);
            record("2 instances, kill -9 one x" + PROFILE.crashes(), "MariaDB (KC_TEST_DB)", traffic, acknowledged,
                    stored, -1, restartMs);
        }
    }

    @Test
    @Order(3)
    void shouldFailClosedAndRecoverWhenTheDatabaseIsKilled() {
        startPrivateDatabaseAndApp();
        Traffic traffic = new Traffic();
        WebClient probe = signedInProbe(privateDbApp);
        Set<String> acknowledged;
        String runId;
        long faultAt;
        long backAt;
        long recoveredAt;
        try (Crowd crowd = new Crowd(traffic, PROFILE)) {
            runId = crowd.runId();
            crowd.start(List.of(privateDbApp.port()));
            loadSlice(crowd, 3);
            faultAt = System.nanoTime();
            privateDb.killHard();
            AppProcess.pause(PROFILE.outage());
            privateDb.start();
            backAt = System.nanoTime();
            recoveredAt = awaitRecovery(probe, backAt);
            loadSlice(crowd, 3);
            crowd.stop(DRAIN);
            acknowledged = crowd.acknowledged();
        }
        traffic.dump(privateDbApp.workDir().resolve("database-kill-events.csv"), faultAt);
        checkFailClosed(traffic, faultAt, backAt, "database killed");
        Map<String, Integer> stored = signUps(privateDb.jdbcUrl("kc"), "root", "", runId);
        record("database kill -9", "MariaDB (private)", traffic, acknowledged, stored,
                slowestFailClosed(traffic, faultAt, backAt), (recoveredAt - backAt) / 1_000_000);
    }

    @Test
    @Order(4)
    void shouldFailClosedAndRecoverWhenTheDatabaseIsFrozen() {
        startPrivateDatabaseAndApp();
        Traffic traffic = new Traffic();
        WebClient probe = signedInProbe(privateDbApp);
        Set<String> acknowledged;
        String runId;
        long faultAt;
        long backAt;
        long recoveredAt;
        try (Crowd crowd = new Crowd(traffic, PROFILE)) {
            runId = crowd.runId();
            crowd.start(List.of(privateDbApp.port()));
            loadSlice(crowd, 3);
            faultAt = System.nanoTime();
            privateDb.freeze();
            AppProcess.pause(PROFILE.outage());
            privateDb.thaw();
            backAt = System.nanoTime();
            recoveredAt = awaitRecovery(probe, backAt);
            loadSlice(crowd, 3);
            crowd.stop(DRAIN);
            acknowledged = crowd.acknowledged();
        }
        traffic.dump(privateDbApp.workDir().resolve("database-freeze-events.csv"), faultAt);
        checkFailClosed(traffic, faultAt, backAt, "database frozen");
        Map<String, Integer> stored = signUps(privateDb.jdbcUrl("kc"), "root", "", runId);
        record("database SIGSTOP", "MariaDB (private)", traffic, acknowledged, stored,
                slowestFailClosed(traffic, faultAt, backAt), (recoveredAt - backAt) / 1_000_000);
    }

    @Test
    @Order(5)
    void shouldFindNoSqlInjectionInSearchAndFilterParameters() {
        Path sqlmap = Tools.require("sqlmap", "sqlmap");
        startPrivateDatabaseAndApp();
        Map<String, WebClient> sessions = sessionsPerRole(privateDbApp);
        List<SqlTarget> targets = sqlTargets(sessions);
        assertThat(targets).as("pages with search or filter parameters").isNotEmpty();
        Path output = privateDbApp.workDir().resolve("sqlmap");
        List<String> lines = new java.util.ArrayList<>();
        List<SqlmapRun.Result> results = new java.util.ArrayList<>();
        for (SqlTarget target : targets.subList(0, Math.min(targets.size(), PROFILE.sqlmapTargets()))) {
            WebClient session = sessions.get(target.role());
            String cookie = "KCSESSION=" + session.cookie("KCSESSION").orElseThrow() + "; KCLANG=en";
            String name = target.path().replaceAll("[^A-Za-z0-9]+", "_");
            SqlmapRun.Result result = SqlmapRun.run(sqlmap, privateDbApp.baseUrl() + target.url(), target.params(),
                    cookie, PROFILE, createDirectories(output), name);
            results.add(result);
            lines.add(String.format("sqlmap %-40s as %-10s params %-30s %s in %ds%s", target.path(), target.role(),
                    target.params(), result.finding() ? "FINDING" : result.timedOut() ? "time budget used" : "clean",
                    result.took().toSeconds(), result.errorCodes().isEmpty() ? "" : " (HTTP " + result.errorCodes()
                    + ")"));
        }
        lines.forEach(report::note);
        assertThat(results).as("sqlmap runs").noneMatch(SqlmapRun.Result::finding);
        assertThat(results).as("at least one sqlmap run completed").anyMatch(r -> !r.timedOut());
    }

    // ---- scenario steps ----

    /** A page with query parameters worth attacking, and the role that may open it. */
    record SqlTarget(String path, List<String> params, String role) {

        String url() {
            StringBuilder query = new StringBuilder();
            for (String param : params) {
                query.append(query.isEmpty() ? "?" : "&").append(param).append('=')
                        .append(WebClient.encode(HostileInputTests.validValue(param).replace("@", "")));
            }
            return path + query;
        }
    }

    /** Signed-in sessions for every role of a mysql-profile instance (the admin from the bootstrap variables). */
    private Map<String, WebClient> sessionsPerRole(AppProcess app) {
        Map<String, WebClient> sessions = new java.util.LinkedHashMap<>();
        WebClient admin = WebClient.forPort(app.port());
        assertThat(admin.login(AppProcess.ADMIN_EMAIL, AppProcess.ADMIN_PASSWORD)).as("bootstrap admin").isTrue();
        for (String role : List.of("CIVILIAN", "OFFICER", "CHECKPOINT")) {
            WebClient client = WebClient.forPort(app.port());
            String email = "sqlmap-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID()
                    + "@reliability.test";
            assertThat(client.register(email, "sqlmap " + role, Crowd.PASSWORD, "en")).isTrue();
            try (Connection connection = privateDb.connect("kc");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE user_account SET role = ? WHERE email = ?")) {
                update.setString(1, role);
                update.setString(2, email);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(client.login(email, Crowd.PASSWORD)).isTrue();
            sessions.put(role, client);
        }
        sessions.put("ADMIN", admin);
        return sessions;
    }

    /**
     * Search and filter parameters of the pages the app has, from its OpenAPI description (springdoc), each with
     * the first role that may open the page; parameters named like searches and filters first.
     */
    private static List<SqlTarget> sqlTargets(Map<String, WebClient> sessions) {
        WebClient admin = sessions.get("ADMIN");
        WebClient.Answer docs = admin.get("/v3/api-docs");
        Map<String, List<String>> pages = new java.util.TreeMap<>();
        if (docs.status() == 200) {
            try {
                Map<String, Object> api = com.nimbusds.jose.util.JSONObjectUtils.parse(docs.body());
                @SuppressWarnings("unchecked")
                Map<String, Object> paths = (Map<String, Object>) api.getOrDefault("paths", Map.of());
                paths.forEach((path, item) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) item).get("get");
                    if (get == null || path.contains("{")) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.getOrDefault("parameters",
                            List.of());
                    List<String> names = parameters.stream().filter(p -> "query".equals(p.get("in")))
                            .map(p -> (String) p.get("name")).filter(n -> !n.equals("lang")).toList();
                    if (!names.isEmpty()) {
                        pages.put(path, names);
                    }
                });
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("unreadable /v3/api-docs", e);
            }
        }
        if (pages.isEmpty()) { // no OpenAPI description: the pages known to filter
            pages.put("/passes", List.of("q"));
            pages.put("/admin/users", List.of("q"));
            pages.put("/review", List.of("status", "q"));
            pages.put("/checkpoint/log", List.of("name", "direction", "result", "reason", "from", "to"));
        }
        List<SqlTarget> targets = new java.util.ArrayList<>();
        pages.forEach((path, params) -> {
            for (String role : List.of("OFFICER", "CHECKPOINT", "ADMIN", "CIVILIAN")) { // staff see the most
                int status = sessions.get(role).get(new SqlTarget(path, params, role).url()).status();
                if (status == 200) {
                    targets.add(new SqlTarget(path, params, role));
                    return;
                }
            }
        });
        targets.sort(java.util.Comparator.comparingInt(t -> t.params().stream().anyMatch(p ->
                p.matches("(?i).*(q|name|search|filter|status|reason|result|direction|from|to|email).*")) ? 0 : 1));
        return targets;
    }

    private static Path createDirectories(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * kill -9 of the app in the middle of the load, restarted on the same port and data, {@link SuiteProfile#crashes()}
     * times; each slice of load lasts its share of {@link SuiteProfile#load()} and at least until some writes were
     * acknowledged. Returns the slowest restart.
     */
    private static long crashAndRestartDuringLoad(AppProcess app, Crowd crowd) {
        long slowestRestartMs = 0;
        for (int crash = 0; crash < PROFILE.crashes(); crash++) {
            loadSlice(crowd, PROFILE.crashes() + 1);
            app.killHard();
            slowestRestartMs = Math.max(slowestRestartMs, app.start().toMillis());
        }
        loadSlice(crowd, PROFILE.crashes() + 1);
        return slowestRestartMs;
    }

    /** One share of the load time, extended (bounded) until at least a few writes went through. */
    private static void loadSlice(Crowd crowd, int slices) {
        long until = System.nanoTime() + PROFILE.load().dividedBy(slices).toNanos();
        crowd.awaitAcknowledged(PROFILE.writers() * 2, Duration.ofMinutes(3));
        long left = until - System.nanoTime();
        if (left > 0) {
            AppProcess.pause(Duration.ofNanos(left));
        }
    }

    private void startPrivateDatabaseAndApp() {
        if (privateDbApp != null && privateDbApp.isRunning()) {
            return;
        }
        Path work = Tools.workDir("private-mariadb");
        privateDb = PrivateMariaDb.install(work);
        privateDb.start();
        privateDb.createDatabase("kc");
        privateDbApp = AppProcess.mysql("mariadb-app", work, privateDb.jdbcUrl("kc"), "root", "");
        privateDbApp.start();
    }

    private static WebClient signedInProbe(AppProcess app) {
        WebClient probe = WebClient.forPort(app.port()).withTimeout(Duration.ofSeconds(30));
        String email = "probe-" + UUID.randomUUID() + "@reliability.test";
        assertThat(probe.register(email, "Probe", Crowd.PASSWORD, "en")).isTrue();
        assertThat(probe.login(email, Crowd.PASSWORD)).isTrue();
        return probe;
    }

    /** The first moment a signed-in page that needs the database answers 200 again. */
    private static long awaitRecovery(WebClient probe, long backAt) {
        long deadline = backAt + RECOVERY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (probe.get("/").status() == 200) {
                    return System.nanoTime();
                }
            } catch (RuntimeException stillDown) {
                // keep trying
            }
            AppProcess.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("the app did not serve again within " + RECOVERY_LIMIT + " after the database came back");
    }

    /** While the database is away, every answer is the designed 503, and it comes quickly. */
    private static void checkFailClosed(Traffic traffic, long faultAt, long backAt, String what) {
        // Requests sent after the fault began and answered before the database was back.
        List<Traffic.Event> during = traffic.between(faultAt, backAt).stream()
                .filter(e -> e.doneAt() <= backAt).toList();
        assertThat(during).as("requests during the outage (%s)", what).isNotEmpty();
        assertThat(during).as("%s: answers other than the fail-closed 503", what)
                .allSatisfy(e -> assertThat(e.status()).as(e.kind()).isEqualTo(503));
        assertThat(during).allSatisfy(e -> assertThat(e.failClosed()).as(e.kind() + " answered with the 503 page/JSON")
                .isTrue());
        assertThat(during.stream().mapToLong(Traffic.Event::millis).max().orElse(0))
                .as("%s: slowest fail-closed answer (ms)", what).isLessThan(FAIL_CLOSED_LIMIT.toMillis());
    }

    private static long slowestFailClosed(Traffic traffic, long from, long to) {
        return traffic.between(from, to).stream().filter(Traffic.Event::failClosed).mapToLong(Traffic.Event::millis)
                .max().orElse(0);
    }

    private void record(String scenario, String database, Traffic traffic, Set<String> acknowledged,
            Map<String, Integer> stored, long slowestFailClosedMs, long recoveryMs) {
        long lost = acknowledged.stream().filter(email -> !stored.containsKey(email)).count();
        long duplicates = stored.values().stream().filter(count -> count > 1).count();
        long found = acknowledged.stream().filter(stored::containsKey).count();
        report.add(new ReliabilityReport.Row(scenario, database, traffic.sent(), traffic.answered(),
                traffic.errors(), traffic.failClosed(), acknowledged.size(), found, lost, duplicates, -1,
                slowestFailClosedMs, recoveryMs));
        assertThat(traffic.problems()).as("%s: unexpected 5xx answers", scenario).isEmpty();
        assertThat(traffic.errors()).as("%s: 5xx answers", scenario).isZero();
        assertThat(acknowledged).as("%s: acknowledged writes", scenario).isNotEmpty();
        assertThat(lost).as("%s: acknowledged writes missing from the database", scenario).isZero();
        assertThat(duplicates).as("%s: writes stored twice", scenario).isZero();
    }

    // ---- reading what was stored ----

    static String embeddedUrl(Path work) {
        return "jdbc:h2:file:" + work.resolve("data").resolve("kaesong").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;IFEXISTS=TRUE";
    }

    /** Sign-ups of one run: email -> number of rows. */
    static Map<String, Integer> signUps(String url, String user, String password, String runId) {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT email, COUNT(*) FROM user_account WHERE email LIKE ? GROUP BY email")) {
            query.setString(1, runId + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
        return counts;
    }
}
