package kr.kaesongcrossing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.kaesongcrossing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite: the packaged app as real processes, real load, real kill -9 (of the app and of a private
 * MariaDB server), SIGSTOP of the database, and sqlmap. Each scenario adds a row to the table printed at the end
 * (README "Reliability"). Runs in {@code ./mvnw verify} after packaging (short profile) and with {@code -Psoak}.
 */
@Tag("slow")
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySuiteIT {

    private static final SuiteProfile PROFILE = SuiteProfile.current();
    private static final Duration DRAIN = Duration.ofSeconds(60);
        /** Slowest acceptable fail-closed answer while the database is dead or frozen. */
    private static final Duration FAIL_CLOSED_LIMIT = Duration.ofSeconds(12);

    private final ReliabilityReport report = new ReliabilityReport();
    /** Passes shared by all devices, so that they race for the same holder (anti-passback decides). */
    private static final int CONTENDED_PASSES = 2;

    private PrivateMariaDb privateDb;
    private AppProcess privateDbApp;
    private Crowd.ScanSetup privateScans;

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
    void shouldKeepEveryAnsweredScanWhenTheAppIsKilledOnTheEmbeddedDatabase() {
        Path work = Tools.workDir("embedded");
        try (AppProcess app = AppProcess.embedded("embedded-app", work, ScanFixtures.CROWD_SETTINGS)) {
            app.start();
            WebClient admin = ScanFixtures.admin(app, true);
            Crowd.ScanSetup scans = scanSetup(app, admin, true);
            Traffic traffic = new Traffic();
            Outcome outcome = runWithAppCrashes(traffic, scans, app, List.of(app.port()));
            app.stop(); // releases the H2 file so that this JVM can read it
            CrossingLogCheck log = CrossingLogCheck.read(embeddedUrl(work), "sa", "", outcome.runId(),
                    outcome.acknowledged(), scans.passIds());
            record("app kill -9 x" + PROFILE.crashes(), "H2 file", traffic, outcome, log, -1, outcome.restartMs());
        }
    }

    @Test
    @Order(2)
    void shouldKeepEveryAnsweredScanWhenOneOfTwoInstancesIsKilledOnTheSharedDatabase() {
        org.junit.jupiter.api.Assumptions.assumeTrue("mysql".equalsIgnoreCase(System.getenv("KC_TEST_DB")),
                "runs with KC_TEST_DB=mysql (the server CI points at); two processes cannot share the H2 file");
        String user = System.getenv().getOrDefault("KC_TEST_DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("KC_TEST_DB_PASSWORD", "");
        Path work = Tools.workDir("shared-mysql");
        try (kr.kaesongcrossing.TestDatabase database = new kr.kaesongcrossing.TestDatabase();
                AppProcess a = AppProcess.mysql("instance-a", work, database.url(), user, password,
                        ScanFixtures.CROWD_SETTINGS);
                AppProcess b = a.sibling("instance-b")) {
            a.start();
            b.start();
            WebClient admin = ScanFixtures.admin(a, false);
            // A sign-in on one instance is valid on the other (sessions live in the database).
            WebClient.Answer onB = admin.sameBrowserOn(b.port()).get("/admin/devices");
            assertThat(onB.status()).as("signed in on A, page on B").isEqualTo(200);
            Crowd.ScanSetup scans = scanSetup(a, admin, false);
            Traffic traffic = new Traffic();
            // every device and reader alternates between A and B; A is killed and restarted
            Outcome outcome = runWithAppCrashes(traffic, scans, a, List.of(a.port(), b.port()));
            CrossingLogCheck log = CrossingLogCheck.read(database.url(), user, password, outcome.runId(),
                    outcome.acknowledged(), scans.passIds());
            record("2 instances, kill -9 one x" + PROFILE.crashes(), "MariaDB (KC_TEST_DB)", traffic, outcome, log,
                    -1, outcome.restartMs());
        }
    }

    @Test
    @Order(3)
    void shouldFailClosedAndRecoverWhenTheDatabaseIsKilled() {
        databaseFault("database kill -9", () -> privateDb.killHard(), () -> privateDb.start());
    }

    @Test
    @Order(4)
    void shouldFailClosedAndRecoverWhenTheDatabaseIsFrozen() {
        databaseFault("database SIGSTOP", () -> privateDb.freeze(), () -> privateDb.thaw());
    }

    /** Load on the private MariaDB app; the database fails for {@link SuiteProfile#outage()}, then comes back. */
    private void databaseFault(String scenario, Runnable fault, Runnable repair) {
        startPrivateDatabaseAndApp();
        Traffic traffic = new Traffic();
        RecoveryProbe probe = RecoveryProbe.signedIn(privateDbApp);
        Map<String, Crowd.Scan> acknowledged;
        String runId;
        long faultAt;
        long downFrom;
        long downUntil;
        long backAt;
        long recoveredAt;
        List<String> deviceProblems;
        try (Crowd crowd = new Crowd(traffic, PROFILE, privateScans)) {
            runId = crowd.runId();
            crowd.start(List.of(privateDbApp.port()));
            loadSlice(crowd, 3);
            faultAt = System.nanoTime();
            fault.run();
            downFrom = System.nanoTime();
            AppProcess.pause(PROFILE.outage());
            // Restarting the server takes a while, and requests may succeed as soon as it accepts connections.
            downUntil = System.nanoTime();
            repair.run();
            backAt = System.nanoTime();
            recoveredAt = probe.awaitRecovery(backAt, "the app, after the database came back,");
            loadSlice(crowd, 3);
            crowd.stop(DRAIN);
            acknowledged = crowd.acknowledged();
            deviceProblems = crowd.problems();
        }
        traffic.dump(privateDbApp.workDir().resolve(scenario.replaceAll("[^a-zA-Z0-9]+", "-") + "-events.csv"),
                faultAt);
        checkFailClosed(traffic, downFrom, downUntil, scenario);
        CrossingLogCheck log = CrossingLogCheck.read(privateDb.jdbcUrl("kc"), "root", "", runId, acknowledged,
                privateScans.passIds());
        record(scenario, "MariaDB (private)", traffic, new Outcome(runId, acknowledged, deviceProblems, -1), log,
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

    /** What the devices saw in one scenario. */
    record Outcome(String runId, Map<String, Crowd.Scan> acknowledged, List<String> deviceProblems, long restartMs) {
    }

    /**
     * Load on the given instances while {@code victim} is killed with SIGKILL right after it answered a scan, and
     * restarted on the same port and data, {@link SuiteProfile#crashes()} times; each slice of load lasts its share
     * of {@link SuiteProfile#load()} and at least until some scans were answered.
     */
    private Outcome runWithAppCrashes(Traffic traffic, Crowd.ScanSetup scans, AppProcess victim,
            List<Integer> ports) {
        long slowestRestartMs = 0;
        try (Crowd crowd = new Crowd(traffic, PROFILE, scans)) {
            crowd.start(ports);
            for (int crash = 0; crash < PROFILE.crashes(); crash++) {
                loadSlice(crowd, PROFILE.crashes() + 1);
                java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
                long[] goneAfterMs = {0};
                crowd.afterNextAcknowledgement(() -> { // in the device thread, as soon as it has its answer
                    long answered = System.nanoTime();
                    victim.killHard();
                    goneAfterMs[0] = (System.nanoTime() - answered) / 1_000_000;
                    killed.countDown();
                });
                try {
                    if (!killed.await(3, java.util.concurrent.TimeUnit.MINUTES)) {
                        victim.killHard();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                report.note(String.format("%s: SIGKILL sent as a device received its answer (process gone %d ms later)",
                        victim.name(), goneAfterMs[0]));
                slowestRestartMs = Math.max(slowestRestartMs, victim.start().toMillis());
            }
            loadSlice(crowd, PROFILE.crashes() + 1);
            crowd.stop(DRAIN);
            return new Outcome(crowd.runId(), crowd.acknowledged(), crowd.problems(), slowestRestartMs);
        }
    }

    /** An officer (made by the administrator), a device token and passes for the devices, made through the app. */
    private static Crowd.ScanSetup scanSetup(AppProcess app, WebClient admin, boolean demo) {
        WebClient officer = ScanFixtures.staff(admin, app.port(), "OFFICER");
        String deviceToken = ScanFixtures.deviceToken(admin, demo);
        List<String> tokens = ScanFixtures.passes(app.port(), officer, PROFILE.writers() + CONTENDED_PASSES);
        return new Crowd.ScanSetup(deviceToken, tokens.subList(0, PROFILE.writers()),
                tokens.subList(PROFILE.writers(), tokens.size()));
    }

    /** One share of the load time, extended (bounded) until at least a few writes went through. */
    private static void loadSlice(Crowd crowd, int slices) {
        long until = System.nanoTime() + PROFILE.load().dividedBy(slices).toNanos();
        crowd.awaitAcknowledged(PROFILE.writers() * 3, Duration.ofMinutes(3));
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
        privateDbApp = AppProcess.mysql("mariadb-app", work, privateDb.jdbcUrl("kc"), "root", "",
                ScanFixtures.CROWD_SETTINGS);
        privateDbApp.start();
        privateScans = scanSetup(privateDbApp, ScanFixtures.admin(privateDbApp, false), false);
    }

    /** While the database is away, every answer is the designed 503, and it comes quickly. */
    private static void checkFailClosed(Traffic traffic, long downFrom, long downUntil, String what) {
        // Requests sent once the database was down and answered before its repair began.
        List<Traffic.Event> during = traffic.between(downFrom, downUntil).stream()
                .filter(e -> e.doneAt() <= downUntil).toList();
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

    private void record(String scenario, String database, Traffic traffic, Outcome outcome, CrossingLogCheck log,
            long slowestFailClosedMs, long recoveryMs) {
        report.add(new ReliabilityReport.Row(scenario, database, traffic.sent(), traffic.answered(),
                traffic.errors(), traffic.failClosed(), outcome.acknowledged().size(), log.found(), log.lost(),
                log.duplicates(), log.insideTwice(), log.halfWritten(), slowestFailClosedMs, recoveryMs));
        assertThat(traffic.problems()).as("%s: unexpected 5xx answers", scenario).isEmpty();
        assertThat(traffic.errors()).as("%s: 5xx answers", scenario).isZero();
        assertThat(outcome.deviceProblems()).as("%s: what the devices saw", scenario).isEmpty();
        assertThat(outcome.acknowledged()).as("%s: answered scans", scenario).isNotEmpty();
        assertThat(log.problems()).as("%s: crossing log against the answers", scenario).isEmpty();
        assertThat(log.lost() + log.duplicates() + log.insideTwice() + log.halfWritten()).isZero();
    }

    // ---- reading what was stored ----

    static String embeddedUrl(Path work) {
        return "jdbc:h2:file:" + work.resolve("data").resolve("kaesong").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;IFEXISTS=TRUE";
    }

}
