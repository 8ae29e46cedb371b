package kr.kaesongcrossing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.TestImages;
import kr.kaesongcrossing.WebClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * High availability on MariaDB Galera: three local nodes, two app instances each on its own node, scanner devices
 * racing on shared passes and retrying their scan ids on either instance, civilians racing for the last seats of a
 * slot through both; node 2 (under instance B) is killed with SIGKILL under load and started again (it rejoins by
 * state transfer). Afterwards every answered scan is in the log exactly once, nobody is inside twice, accepted
 * scans of each pass alternate directions, no slot holds more than its cap, and the three nodes hold the same rows.
 * Prints its row of the reliability table (README "Reliability"). Skipped only where the Galera library is not
 * installed, never in CI.
 */
@Tag("slow")
@Tag("reliability")
class GaleraSuiteIT {

    /**
     * The suite's profile, lighter in CI's short run (the build's wall time is over budget): 4 devices, 2 readers,
     * 12 s of load around the node's death and return.
     */
    private static final SuiteProfile PROFILE = "short".equals(SuiteProfile.current().name())
            ? new SuiteProfile("short", Duration.ofSeconds(12), 4, 2, SuiteProfile.SHORT.maxRequests(), 1,
                    Duration.ofSeconds(3), SuiteProfile.SHORT.sqlmapPerTarget(), 1, 1, 0)
            : SuiteProfile.current();
    private static final Duration DRAIN = Duration.ofSeconds(60);
        private static final int CONTENDED_PASSES = 2;
    private static final int SEAT_CAP = 3;
    private static final int SEAT_RACERS = 8;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void shouldKeepEveryAnsweredScanAndEverySeatCapWhenANodeIsKilledAndRejoins() throws Exception {
        if (!GaleraCluster.installed()) {
            String message = GaleraCluster.PROVIDER + " is missing (Debian: apt-get install -y galera-4 rsync)";
            if (Tools.toolsRequired()) {
                throw new AssertionError(message + "; CI / KC_REQUIRE_TOOLS make it mandatory");
            }
            Assumptions.abort(message + ": skipped");
        }
        ReliabilityReport report = new ReliabilityReport();
        long began = System.nanoTime();
        Path work = Tools.workDir("galera");
        try (GaleraCluster cluster = GaleraCluster.install(work)) {
            Duration clusterStart = cluster.start();
            cluster.createDatabase("kc");
            GaleraCluster.Node victimNode = cluster.node(2);
            try (AppProcess a = AppProcess.mysql("galera-app-a", work, cluster.node(1).jdbcUrl("kc"), "root", "",
                    ScanFixtures.CROWD_SETTINGS);
                    AppProcess b = a.sibling("galera-app-b", victimNode.jdbcUrl("kc"))) {
                a.start(); // Flyway migrates from one instance: its lock (GET_LOCK) is local to a node
                ExecutorService starter = Executors.newSingleThreadExecutor();
                Future<Duration> bStarted = starter.submit(b::start); // while the passes are made on A
                WebClient admin = ScanFixtures.admin(a, false);
                WebClient officer = ScanFixtures.staff(admin, a.port(), "OFFICER");
                String deviceToken = ScanFixtures.deviceToken(admin, false);
                List<String> tokens = ScanFixtures.passes(a.port(), officer, PROFILE.writers() + CONTENDED_PASSES);
                bStarted.get(AppProcess.STARTUP.toSeconds(), TimeUnit.SECONDS);
                starter.shutdown();
                Crowd.ScanSetup scans = new Crowd.ScanSetup(deviceToken, tokens.subList(0, PROFILE.writers()),
                        tokens.subList(PROFILE.writers(), tokens.size()));
                LocalDate raceDay = LocalDate.now(SEOUL).plusDays(1);
                capRaceSlot(cluster, raceDay);
                RecoveryProbe probe = RecoveryProbe.signedIn(b);
                Traffic traffic = new Traffic();
                long restartMs;
                long recoveryMs;
                Map<String, Crowd.Scan> acknowledged;
                List<String> deviceProblems;
                String runId;
                List<Integer> seatAnswers;
                long loadBegan = System.nanoTime();
                try (Crowd crowd = new Crowd(traffic, PROFILE, scans)) {
                    runId = crowd.runId();
                    crowd.start(List.of(a.port(), b.port()));
                    seatAnswers = seatRace(List.of(a.port(), b.port()), raceDay);
                    loadSlice(crowd);
                    java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
                    crowd.afterNextAcknowledgement(() -> {
                        victimNode.killHard();
                        killed.countDown();
                    });
                    if (!killed.await(2, TimeUnit.MINUTES)) {
                        victimNode.killHard();
                    }
                    AppProcess.pause(PROFILE.outage()); // instance B answers 503; the devices go on with A
                    long restartAt = System.nanoTime();
                    Duration rejoin = victimNode.start(false);
                    restartMs = rejoin.toMillis();
                    long recovered = probe.awaitRecovery(restartAt, "instance B, after its node's restart,");
                    recoveryMs = (recovered - restartAt) / 1_000_000;
                    assertThat(cluster.node(1).clusterSize()).as("cluster size after the rejoin").isEqualTo(3);
                    loadSlice(crowd);
                    crowd.stop(DRAIN);
                    acknowledged = crowd.acknowledged();
                    deviceProblems = crowd.problems();
                }
                long loadMs = (System.nanoTime() - loadBegan) / 1_000_000;
                CrossingLogCheck log = CrossingLogCheck.read(cluster.node(1).jdbcUrl("kc"), "root", "", runId,
                        acknowledged, scans.passIds());
                report.add(new ReliabilityReport.Row("3 Galera nodes, 2 instances, node kill -9 + rejoin",
                        "MariaDB Galera", traffic.sent(), traffic.answered(), traffic.errors(), traffic.failClosed(),
                        acknowledged.size(), log.found(), log.lost(), log.duplicates(), log.insideTwice(),
                        log.halfWritten(), -1, recoveryMs));
                long seatsTaken = seatAnswers.stream().filter(status -> status == 302).count();
                report.note(String.format("cluster start %d ms; node 2 rejoin (rsync SST) %d ms; instance B serving "
                        + "again %d ms after the node's restart began; load %d ms; whole scenario %d s",
                        clusterStart.toMillis(), restartMs, recoveryMs, loadMs,
                        (System.nanoTime() - began) / 1_000_000_000));
                report.note(String.format("seat race: %d civilians on both instances for a slot of %d seats: %d "
                        + "seated, answers %s; write conflicts retried: instance A %d, instance B %d", SEAT_RACERS,
                        SEAT_CAP, seatsTaken, seatAnswers, retries(a), retries(b)));
                String table = report.table("Galera scenario (" + PROFILE.name() + " profile)");
                System.out.println(table);
                report.write(Path.of(System.getProperty("kc.reliability.work-dir", "target/reliability"),
                        "report.txt"), table);

                assertThat(traffic.problems()).as("unexpected 5xx answers").isEmpty();
                assertThat(traffic.errors()).as("5xx answers").isZero();
                assertThat(deviceProblems).as("what the devices saw").isEmpty();
                assertThat(acknowledged).as("answered scans").isNotEmpty();
                assertThat(log.problems()).as("crossing log against the answers").isEmpty();
                assertThat(log.lost() + log.duplicates() + log.insideTwice() + log.halfWritten()).isZero();
                assertThat(seatsTaken).as("seats taken in the raced slot").isLessThanOrEqualTo(SEAT_CAP);
                try (Connection connection = cluster.node(1).connect("kc")) {
                    assertThat(single(connection, "SELECT people_booked FROM slot WHERE direction = 'NORTHBOUND' "
                            + "AND slot_date = ? AND departs_at = '10:00:00'", raceDay)).as("raced slot's count")
                            .isEqualTo(seatsTaken);
                    assertThat(single(connection, "SELECT COUNT(*) FROM slot WHERE people_booked > people_cap "
                            + "OR vehicles_booked > vehicle_cap", null)).as("slots over their cap").isZero();
                    assertThat(single(connection, "SELECT COUNT(*) FROM slot s WHERE people_booked <> "
                            + "(SELECT COUNT(*) FROM slot_booking b WHERE b.slot_id = s.id)", null))
                            .as("slots whose count is not their bookings").isZero();
                }
                List<String> fingerprints = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    fingerprints.add(fingerprint(cluster.node(i)));
                }
                assertThat(fingerprints).as("crossing log and seats on nodes 1, 2, 3").containsOnly(fingerprints.get(0));
            }
        }
    }

    /** The raced slot: tomorrow's 10:00 northbound, with few seats (its timetable row, before any booking). */
    private static void capRaceSlot(GaleraCluster cluster, LocalDate day) throws SQLException {
        try (Connection connection = cluster.node(3).connect("kc");
                PreparedStatement update = connection.prepareStatement("UPDATE slot_timetable SET people_cap = ? "
                        + "WHERE direction = 'NORTHBOUND' AND day_of_week = ? AND departs_at = '10:00:00'")) {
            update.setInt(1, SEAT_CAP);
            update.setInt(2, day.getDayOfWeek().getValue());
            assertThat(update.executeUpdate()).as("timetable rows capped").isEqualTo(1);
        }
    }

    /**
     * Civilians applying at once, half through each instance, for the raced slot; their answers' statuses (302:
     * seated; 200: the form again, slot full). A 503 is tried again on the other instance.
     */
    private static List<Integer> seatRace(List<Integer> ports, LocalDate day) throws Exception {
        byte[] photo = TestImages.jpeg(480, 640);
        ExecutorService racers = Executors.newFixedThreadPool(SEAT_RACERS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < SEAT_RACERS; i++) {
                int n = 900 + i;
                answers.add(racers.submit(() -> {
                    for (int attempt = 0; attempt < 6; attempt++) {
                        int port = ports.get((n + attempt) % ports.size());
                        WebClient civilian = ScanFixtures.civilian(port, n);
                        WebClient.Answer answer = ScanFixtures.apply(civilian, photo, n, day, "N-" + day + "-1000",
                                "S-" + day.plusDays(7) + "-1200");
                        if (answer.status() != 503) {
                            return answer.status();
                        }
                    }
                    return 503;
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(3, TimeUnit.MINUTES));
            }
            return statuses;
        } finally {
            racers.shutdownNow();
        }
    }

    /** What a node holds of the crossing log and the seats, as one comparable line. */
    private static String fingerprint(GaleraCluster.Node node) throws SQLException {
        try (Connection connection = node.connect("kc")) {
            return single(connection, "SELECT COUNT(*) FROM crossing_log", null) + " log rows, checksum "
                    + single(connection, "SELECT COALESCE(SUM(CRC32(CONCAT_WS(',', scan_id, result, "
                    + "COALESCE(pass_id, '')))), 0) FROM crossing_log", null) + "; seats "
                    + single(connection, "SELECT COALESCE(SUM(people_booked), 0) FROM slot", null);
        }
    }

    private static long single(Connection connection, String sql, LocalDate day) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (day != null) {
                query.setObject(1, day);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    /** How many times an instance retried a transaction after a lost write conflict (from its log). */
    private static long retries(AppProcess app) {
        try (var lines = java.nio.file.Files.lines(app.log())) {
            return lines.filter(line -> line.contains("write conflict in") && line.contains("(retrying)")).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void loadSlice(Crowd crowd) {
        long until = System.nanoTime() + PROFILE.load().dividedBy(2).toNanos();
        crowd.awaitAcknowledged(PROFILE.writers() * 3, Duration.ofMinutes(2));
        long left = until - System.nanoTime();
        if (left > 0) {
            AppProcess.pause(Duration.ofNanos(left));
        }
    }
}
