package kr.kaesongcrossing.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.kaesongcrossing.reliability.WebClient.Answer;

/**
 * The load: writers that each send one write at a time and retry it, unchanged, until the app answers it (as a
 * scanner device retries a scan with the same scanId), and readers that load pages. Clients alternate between the
 * app instances they are given. Bounded: every client stops after its request cap or when told to; writers then
 * get a bounded drain time to have their last write answered.
 */
final class Crowd implements AutoCloseable {

    static final String PASSWORD = "reliability suite passphrase";
    private static final Duration BACKOFF = Duration.ofMillis(250);

    private final Traffic traffic;
    private final SuiteProfile profile;
    private final String runId = "rel" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final List<java.util.concurrent.Future<?>> running = new ArrayList<>();

    Crowd(Traffic traffic, SuiteProfile profile) {
        this.traffic = traffic;
        this.profile = profile;
        this.pool = Executors.newFixedThreadPool(profile.writers() + profile.readers() + 2);
    }

    String runId() {
        return runId;
    }

    /** Emails of sign-ups the app acknowledged (redirect to the login page, or "already registered" on a retry). */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /**
     * Waits until {@code more} further writes have been acknowledged (or {@code limit} passed), so that every phase
     * of a scenario carries real traffic even on a slow machine; returns whether they were.
     */
    boolean awaitAcknowledged(int more, Duration limit) {
        int target = acknowledged.size() + more;
        long deadline = System.nanoTime() + limit.toNanos();
        while (acknowledged.size() < target && System.nanoTime() < deadline) {
            AppProcess.pause(Duration.ofMillis(100));
        }
        return acknowledged.size() >= target;
    }

    /** nanoTime of the latest acknowledgement. */
    long lastAcknowledgedAt() {
        return acknowledgedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Starts the writers and readers against the given instances (base URLs on this host). */
    void start(List<Integer> ports) {
        for (int i = 0; i < profile.writers(); i++) {
            int writer = i;
            running.add(pool.submit(() -> signUpWriter(ports, writer)));
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

    /** One sign-up at a time, each retried with the same email until the app answers it. */
    private void signUpWriter(List<Integer> ports, int writer) {
        List<WebClient> instances = instances(ports);
        int turn = writer;
        int requests = 0;
        for (int n = 0; !stopping.get() && requests < profile.maxRequests(); n++) {
            String email = runId + "-w" + writer + "-" + n + "@reliability.test";
            boolean done = false;
            while (!done && !draining.get() && requests < profile.maxRequests() * 2) {
                WebClient client = instances.get(turn++ % instances.size());
                if (client.csrfToken() == null) {
                    Answer page = traffic.send("GET /register", () -> client.open("/register"));
                    requests++;
                    if (page == null || page.status() != 200) {
                        AppProcess.pause(BACKOFF);
                        continue;
                    }
                    shareToken(instances, client);
                }
                Answer answer = traffic.send("POST /register", () -> client.postForm("/register", Map.of(
                        "email", email, "displayName", "신뢰성 " + writer, "password", PASSWORD, "language", "ko")));
                requests++;
                if (answer == null || answer.status() == 503) {
                    AppProcess.pause(BACKOFF);
                } else if (answer.isRedirectTo("/login") || (answer.status() == 200
                        && (answer.body().contains("이미 가입된 이메일입니다") || answer.body().contains("already registered")))) {
                    acknowledged.add(email);
                    acknowledgedAt.put(email, System.nanoTime());
                    done = true;
                } else if (answer.status() == 403) {
                    client.clearCookies(); // the session is gone: a new page, a new CSRF token, same email
                    instances.forEach(WebClient::forgetCsrfToken);
                } else {
                    done = true; // refused for another reason: not acknowledged, not retried
                }
            }
        }
    }

    /** A signed-in civilian loading pages that read the database. */
    private void pageReader(List<Integer> ports, int reader) {
        List<WebClient> instances = instances(ports);
        String email = runId + "-r" + reader + "@reliability.test";
        WebClient first = instances.get(0);
        boolean signedIn = false;
        int requests = 0;
        List<String> pages = List.of("/", "/applications", "/passes", "/register");
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

    private static void shareToken(List<WebClient> instances, WebClient from) {
        instances.forEach(other -> other.useCsrfToken(from.csrfToken()));
    }
}
