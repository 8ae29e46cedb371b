package kr.kaesongcrossing.reliability;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how hard the reliability suite pushes: {@code short} (CI, inside {@code ./mvnw verify}, a few
 * minutes) or {@code soak} ({@code -Psoak}, on demand). Every figure is an upper bound, so no run is open-ended.
 *
 * @param load            how long each load phase lasts
 * @param writers         clients that write (scans, or sign-ups before the checkpoint existed), each retrying its
 *                        request until answered
 * @param readers         clients that load pages
 * @param maxRequests     cap on requests per client per phase
 * @param crashes         kill -9 / restart cycles per app-crash scenario
 * @param outage          how long the database stays dead or frozen
 * @param sqlmapPerTarget time budget of one sqlmap run
 * @param sqlmapLevel     sqlmap --level (1-5)
 * @param sqlmapRisk      sqlmap --risk (1-3)
 * @param sqlmapTargets   at most this many pages/parameters for sqlmap
 */
public record SuiteProfile(String name, Duration load, int writers, int readers, int maxRequests, int crashes,
        Duration outage, Duration sqlmapPerTarget, int sqlmapLevel, int sqlmapRisk, int sqlmapTargets) {

    public static final SuiteProfile SHORT = new SuiteProfile("short", Duration.ofSeconds(20), 4, 6, 600, 1,
            Duration.ofSeconds(15), Duration.ofSeconds(150), 1, 1, 6);

    public static final SuiteProfile SOAK = new SuiteProfile("soak", Duration.ofMinutes(10), 12, 24, 1_000_000, 5,
            Duration.ofSeconds(30), Duration.ofMinutes(15), 3, 2, 40);

    /** From {@code -Dkc.reliability.profile} (set by the pom), or {@code KC_RELIABILITY_PROFILE}. */
    public static SuiteProfile current() {
        String name = System.getProperty("kc.reliability.profile", System.getenv()
                .getOrDefault("KC_RELIABILITY_PROFILE", "short"));
        return "soak".equals(name.toLowerCase(Locale.ROOT)) ? SOAK : SHORT;
    }
}
