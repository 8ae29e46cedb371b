package kr.kaesongcrossing.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.kaesongcrossing.WebClient;
import kr.kaesongcrossing.WebClient.Answer;

/**
 * The load: scanner devices that each send one scan at a time and retry it, unchanged (same scanId), until the
 * app answers it, and readers (signed-in civilians) that load pages. Clients alternate between the
 * app instances they are given. Bounded: every client stops after its request cap or when told to; writers then
 * get a bounded drain time to have their last write answered.
 */
final class Crowd implements AutoCloseable {

    static final String PASSWORD = "reliability suite passphrase";
    private static final Duration BACKOFF = Duration.ofMillis(250);
    private static final long MAX_BACKOFF_MS = 2_000;

    private final Traffic traffic;
    private final SuiteProfile profile;
    private final String runId = "rel" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Map<String, Scan> acknowledgedScans = new ConcurrentHashMap<>();
    private final java.util.Queue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ScanSetup scans;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> afterNextAcknowledgement =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final ExecutorService pool;
    private final List<java.util.concurrent.Future<?>> running = new ArrayList<>();

    /** What the devices scan with: a device token, passes of their own, and passes they all share. */
    record ScanSetup(String deviceToken, List<String> ownedTokens, List<String> contendedTokens) {

        List<String> passIds() {
            List<String> ids = new ArrayList<>();
            ownedTokens.forEach(token -> ids.add(passId(token)));
            contendedTokens.forEach(token -> ids.add(passId(token)));
            return ids;
        }
    }

    /** One answered scan. */
    record Scan(String scanId, String passId, String direction, String decision, String reason,
            boolean contended) {
    }

    /** The decision and reason of an answer to POST /api/v1/scans. */
    record ScanAnswer(String decision, String reason) {

        private static final java.util.regex.Pattern DECISION = java.util.regex.Pattern.compile(
                "\"decision\"\\s*:\\s*\"([A-Z]+)\"");
        private static final java.util.regex.Pattern REASON = java.util.regex.Pattern.compile(
                "\"reason\"\\s*:\\s*\"([A-Z_]+)\"");

        static ScanAnswer of(String json) {
            java.util.regex.Matcher decision = DECISION.matcher(json);
            java.util.regex.Matcher reason = REASON.matcher(json);
            return new ScanAnswer(decision.find() ? decision.group(1) : "?", reason.find() ? reason.group(1) : null);
        }

        boolean accepted() {
            return "ACCEPTED".equals(decision);
        }
    }

    /** The pass id ({@code jti}) inside a pass token. */
    static String passId(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher jti = java.util.regex.Pattern.compile("\"jti\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
        if (!jti.find()) {
            throw new IllegalArgumentException("no jti in " + claims);
        }
        return jti.group(1);
    }

    Crowd(Traffic traffic, SuiteProfile profile, ScanSetup scans) {
        this.traffic = traffic;
        this.profile = profile;
        this.scans = scans;
        this.pool = Executors.newFixedThreadPool(profile.writers() + profile.readers() + 2);
    }

    String runId() {
        return runId;
    }

    /** Runs {@code action} in the device thread right after the next answer arrives (e.g. kill -9 of the app). */
    void afterNextAcknowledgement(Runnable action) {
        afterNextAcknowledgement.set(action);
    }

    /** The scans the app answered (200), by scanId. */
    Map<String, Scan> acknowledged() {
        return Map.copyOf(acknowledgedScans);
    }

    /** What went wrong from the devices' point of view (a refusal of an own pass, a changed answer, a 4xx). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void problem(String text) {
        if (problems.size() < 50) {
            problems.add(text);
        }
    }

    /**
     * Waits until {@code more} further writes have been acknowledged (or {@code limit} passed), so that every phase
     * of a scenario carries real traffic even on a slow machine; returns whether they were.
     */
    boolean awaitAcknowledged(int more, Duration limit) {
        int target = acknowledgedScans.size() + more;
        long deadline = System.nanoTime() + limit.toNanos();
        while (acknowledgedScans.size() < target && System.nanoTime() < deadline) {
            AppProcess.pause(Duration.ofMillis(100));
        }
        return acknowledgedScans.size() >= target;
    }

    /** Starts the writers and readers against the given instances (base URLs on this host). */
    void start(List<Integer> ports) {
        for (int i = 0; i < profile.writers(); i++) {
            int device = i;
            running.add(pool.submit(() -> scanDevice(ports, device)));
        }
        for (int i = 0; i < profile.readers(); i++) {
            int reader = i;
            running.add(pool.submit(() -> pageReader(ports, reader)));
        }
    }

    /** Readers stop now; writers finish the write in hand (bounded by {@code drain}) and stop. */
    void stop(Duration drain) {
        stopping.set(true);
        long deadline = System.nanoTime() + drain.toNanos();
        for (var future : running) {
            long left = deadline - System.nanoTime();
            try {
                future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException late) {
                draining.set(true);
            } catch (Exception ignored) {
                // a client that failed has recorded its traffic; the checks look at the traffic
            }
        }
        draining.set(true);
        pool.shutdownNow();
    }

    @Override
    public void close() {
        stopping.set(true);
        draining.set(true);
        pool.shutdownNow();
    }

    /**
     * A lane scanner: one scan at a time, each retried with the same scanId until the app answers it. It scans its
     * own passes in turn (ENTRY when it believes the holder is outside, EXIT when inside: every answer must be
     * ACCEPTED), every fifth scan a pass that all devices share, in a random direction (the devices race: anti-
     * passback decides), and every seventh answer it sends the same scanId again (the answer must not change).
     */
    private void scanDevice(List<Integer> ports, int device) {
        List<WebClient> instances = instances(ports);
        List<String> owned = new ArrayList<>();
        for (int i = device; i < scans.ownedTokens().size(); i += profile.writers()) {
            owned.add(scans.ownedTokens().get(i));
        }
        Map<String, Boolean> inside = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(device);
        int[] turn = {device};
        int requests = 0;
        for (int n = 1; !stopping.get() && requests < profile.maxRequests() && !owned.isEmpty(); n++) {
            boolean contended = n % 5 == 0 && !scans.contendedTokens().isEmpty();
            String token = contended ? scans.contendedTokens().get(random.nextInt(scans.contendedTokens().size()))
                    : owned.get(n % owned.size());
            String direction = contended ? (random.nextBoolean() ? "ENTRY" : "EXIT")
                    : inside.getOrDefault(token, false) ? "EXIT" : "ENTRY";
            String scanId = runId + "-d" + device + "-" + n;
            ScanAnswer answer = scanUntilAnswered(instances, turn, scanId, token, direction);
            requests++;
            if (answer == null) {
                continue;
            }
            Scan scan = new Scan(scanId, passId(token), direction, answer.decision(), answer.reason(), contended);
            acknowledgedScans.put(scanId, scan);
            Runnable hook = afterNextAcknowledgement.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            if (!contended) {
                if (answer.accepted()) {
                    inside.put(token, "ENTRY".equals(direction));
                } else if (!inside.containsKey(token) && ("ALREADY_INSIDE".equals(answer.reason())
                        || "NOT_INSIDE".equals(answer.reason()))) {
                    inside.put(token, "ALREADY_INSIDE".equals(answer.reason())); // a previous run left it so
                } else {
                    problem("own pass refused: " + scan);
                }
            }
            if (n % 7 == 0) {
                ScanAnswer again = scanUntilAnswered(instances, turn, scanId, token, direction);
                requests++;
                if (again != null && !again.equals(answer)) {
                    problem("scanId " + scanId + " answered " + answer + " then " + again);
                }
            }
        }
    }

    /** Sends one scan until an instance answers it (200), backing off on 503 and on no answer; null if given up. */
    private ScanAnswer scanUntilAnswered(List<WebClient> instances, int[] turn, String scanId, String token,
            String direction) {
        String body = "{\"scanId\":\"" + scanId + "\",\"token\":\"" + token + "\",\"direction\":\"" + direction
                + "\",\"lane\":\"R" + (turn[0] % 4 + 1) + "\"}";
        Map<String, String> headers = Map.of("Authorization", "Bearer " + scans.deviceToken(),
                "Accept", "application/json", "Accept-Language", "en");
        long backoffMs = 100;
        while (!draining.get()) {
            WebClient client = instances.get(turn[0]++ % instances.size());
            Answer answer = traffic.send("POST /api/v1/scans", () -> client.postJson("/api/v1/scans", body, headers));
            if (answer != null && answer.status() == 200) {
                return ScanAnswer.of(answer.body());
            }
            if (answer != null && answer.status() != 503) {
                problem("scan " + scanId + " answered " + answer.status() + ": " + answer.body());
                return null;
            }
            // as a device would: back off (up to 2 s) while the app or its database is away
            AppProcess.pause(Duration.ofMillis(backoffMs));
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
        return null;
    }

    /** A signed-in civilian loading pages that read the database. */
    private void pageReader(List<Integer> ports, int reader) {
        List<WebClient> instances = instances(ports);
        String email = runId + "-r" + reader + "@reliability.test";
        WebClient first = instances.get(0);
        boolean signedIn = false;
        int requests = 0;
        List<String> pages = List.of("/", "/applications", "/passes", "/applications/new");
        for (int turn = reader; !stopping.get() && requests < profile.maxRequests(); turn++) {
            WebClient client = instances.get(turn % instances.size());
            if (!signedIn) {
                try {
                    first.register(email, "읽기 " + reader, PASSWORD, "ko");
                    signedIn = first.login(email, PASSWORD);
                } catch (RuntimeException appDown) {
                    signedIn = false;
                }
                requests += 4;
                if (!signedIn) {
                    AppProcess.pause(BACKOFF);
                    continue;
                }
            }
            String page = pages.get(turn % pages.size());
            Answer answer = traffic.send("GET " + page, () -> client.get(page));
            requests++;
            if (answer == null || answer.status() == 503) {
                AppProcess.pause(BACKOFF);
            } else if (answer.isRedirectTo("/login")) {
                signedIn = false;
            }
        }
    }

    private static List<WebClient> instances(List<Integer> ports) {
        WebClient browser = WebClient.forPort(ports.get(0)).withTimeout(Duration.ofSeconds(30));
        List<WebClient> instances = new ArrayList<>();
        instances.add(browser);
        for (int i = 1; i < ports.size(); i++) {
            instances.add(browser.sameBrowserOn(ports.get(i)));
        }
        return instances;
    }

}
