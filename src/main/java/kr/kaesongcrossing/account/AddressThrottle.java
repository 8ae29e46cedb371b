package kr.kaesongcrossing.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per client address, in the database (table {@code login_address}) so every instance counts the
 * same guesses. Each failure is one UPDATE of the address's row (the database's row lock orders parallel ones),
 * and the block is set by the statement that sees the limit reached, so parallel failures can neither be lost nor
 * block twice. Behind a reverse proxy the address is the forwarded client address
 * ({@code server.forward-headers-strategy}).
 */
@Component
class AddressThrottle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final LoginSettings settings;
    private final Clock clock;

    AddressThrottle(JdbcTemplate jdbc, TransactionTemplate tx, AuditTrail audit, LoginSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    boolean isBlocked(String address) {
        Integer blocked = jdbc.queryForObject("SELECT COUNT(*) FROM login_address WHERE address = ? "
                + "AND blocked_until > ?", Integer.class, key(address), at(clock.instant()));
        return blocked != null && blocked > 0;
    }

    void recordFailure(String address) {
        Instant now = clock.instant();
        String key = key(address);
        Instant blockedUntil = now.plus(settings.addressLock());
        Boolean blocked = count(key, now, blockedUntil);
        if (blocked == null) {
            // A new address: its row is made by a single INSERT of its own, so parallel first failures meet at the
            // primary key (one wins, the others see a duplicate) instead of deadlocking on InnoDB's gap locks.
            forgetStale(now);
            try {
                jdbc.update("INSERT INTO login_address (address, window_start, failures) VALUES (?, ?, 0)",
                        key, at(now));
            } catch (DuplicateKeyException raced) {
                // another attempt made the row: count on it
            }
            blocked = count(key, now, blockedUntil);
        }
        if (Boolean.TRUE.equals(blocked)) {
            audit.refused("login.address-blocked", Subject.NONE, "until=" + blockedUntil);
        }
    }

    /** Counts the failure and blocks at the limit, in one transaction; null when the address has no row yet. */
    private Boolean count(String key, Instant now, Instant blockedUntil) {
        return tx.execute(status -> {
            if (countFailure(key, now) == 0) {
                return null;
            }
            return jdbc.update("UPDATE login_address SET blocked_until = ?, failures = 0, window_start = ? "
                    + "WHERE address = ? AND failures >= ?", at(blockedUntil), at(now), key,
                    settings.maxFailuresPerAddress()) == 1;
        });
    }

    /** One more failure, or the first of a fresh window once the last window and block are over. */
    private int countFailure(String key, Instant now) {
        Timestamp windowEdge = at(now.minus(settings.addressWindow()));
        // failures is assigned first: MySQL reads columns set earlier in the same statement with their new value.
        return jdbc.update("UPDATE login_address SET "
                + "failures = CASE WHEN window_start <= ? AND (blocked_until IS NULL OR blocked_until <= ?) "
                + "THEN 1 ELSE failures + 1 END, "
                + "window_start = CASE WHEN window_start <= ? AND (blocked_until IS NULL OR blocked_until <= ?) "
                + "THEN ? ELSE window_start END "
                + "WHERE address = ?", windowEdge, at(now), windowEdge, at(now), at(now), key);
    }

    /** Addresses whose window and block are over carry nothing worth keeping. */
    private void forgetStale(Instant now) {
        jdbc.update("DELETE FROM login_address WHERE window_start <= ? AND (blocked_until IS NULL "
                + "OR blocked_until <= ?)", at(now.minus(settings.addressWindow())), at(now));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    /** The stored form of a client address (also the key of other per-address counts). */
    static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
