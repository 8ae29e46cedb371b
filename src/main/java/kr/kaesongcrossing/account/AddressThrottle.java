package kr.kaesongcrossing.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, in memory: each application instance counts on its own and forgets on
 * restart, which is enough to slow down guessing from one address (the per-account lock is in the database).
 * Behind a reverse proxy the address is the forwarded client address ({@code server.forward-headers-strategy}).
 */
@Component
class AddressThrottle {

    private static final Logger AUDIT = LoggerFactory.getLogger("kr.kaesongcrossing.audit");
    /** Upper bound on tracked addresses; beyond it stale entries are dropped first. */
    static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int failures, Instant blockedUntil) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LoginSettings settings;
    private final Clock clock;

    AddressThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    boolean isBlocked(String address) {
        Window w = windows.get(key(address));
        return w != null && w.blockedUntil() != null && clock.instant().isBefore(w.blockedUntil());
    }

    void recordFailure(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> isStale(w, now));
        }
        Window updated = windows.compute(key(address), (k, w) -> {
            if (w == null || isStale(w, now)) {
                w = new Window(now, 0, null);
            }
            int failures = w.failures() + 1;
            if (failures >= settings.maxFailuresPerAddress()) {
                return new Window(now, 0, now.plus(settings.addressLock()));
            }
            return new Window(w.start(), failures, w.blockedUntil());
        });
        if (updated.failures() == 0 && updated.blockedUntil() != null) {
            AUDIT.warn("login.address-blocked address={} until={}", key(address), updated.blockedUntil());
        }
    }

    private boolean isStale(Window w, Instant now) {
        boolean windowOver = !now.isBefore(w.start().plus(settings.addressWindow()));
        boolean blockOver = w.blockedUntil() == null || !now.isBefore(w.blockedUntil());
        return windowOver && blockOver;
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
