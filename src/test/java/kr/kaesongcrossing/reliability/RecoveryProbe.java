package kr.kaesongcrossing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kr.kaesongcrossing.WebClient;

/** A signed-in visitor of one instance that tells when a page needing the database answers again after a failure. */
final class RecoveryProbe {

    static final Duration LIMIT = Duration.ofSeconds(120);

    private final WebClient client;

    private RecoveryProbe(WebClient client) {
        this.client = client;
    }

    /** Registers and signs in a new account on {@code app} (while the database is up). */
    static RecoveryProbe signedIn(AppProcess app) {
        WebClient probe = WebClient.forPort(app.port()).withTimeout(Duration.ofSeconds(30));
        String email = "probe-" + UUID.randomUUID() + "@reliability.test";
        assertThat(probe.register(email, "Probe", Crowd.PASSWORD, "en")).isTrue();
        assertThat(probe.login(email, Crowd.PASSWORD)).isTrue();
        return new RecoveryProbe(probe);
    }

    /**
     * The first moment ({@link System#nanoTime()}) the home page answers 200 again, polling from {@code from} for at
     * most {@link #LIMIT}; {@code what} says in the failure what did not come back.
     */
    long awaitRecovery(long from, String what) {
        long deadline = from + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.get("/").status() == 200) {
                    return System.nanoTime();
                }
            } catch (RuntimeException stillDown) {
                // keep trying
            }
            AppProcess.pause(Duration.ofMillis(50));
        }
        throw new AssertionError(what + " did not serve again within " + LIMIT);
    }
}
