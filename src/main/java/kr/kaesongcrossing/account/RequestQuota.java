package kr.kaesongcrossing.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At most so many requests per key within a window (table {@code request_quota}), shared by all instances. As the
 * login address throttle ({@link AddressThrottle}): each request is one UPDATE of the key's row, so parallel ones
 * are ordered by the row lock and each counts; a new key's row is made by an INSERT of its own, and parallel first
 * requests meet at the primary key.
 */
@Component
class RequestQuota {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RequestQuota(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts a request of {@code key}; true while the window's count stays within {@code max}. Each statement commits
     * on its own (no transaction holds a lock across them); the count read back includes this request and may
     * include a parallel one, which only errs on the side of refusing.
     */
    boolean take(String key, int max, Duration window) {
        Instant now = clock.instant();
        if (count(key, now, window) == 0) {
            jdbc.update("DELETE FROM request_quota WHERE window_start <= ?", at(now.minus(window)));
            try {
                jdbc.update("INSERT INTO request_quota (quota_key, window_start, requests) VALUES (?, ?, 0)", key,
                        at(now));
            } catch (DuplicateKeyException raced) {
                // another request made the row: count on it
            }
            count(key, now, window);
        }
        Integer requests = jdbc.queryForObject("SELECT requests FROM request_quota WHERE quota_key = ?",
                Integer.class, key);
        return requests != null && requests <= max;
    }

    /** One more request, or the first of a fresh window once the last one is over. */
    private int count(String key, Instant now, Duration window) {
        Timestamp edge = at(now.minus(window));
        // requests is assigned first: MySQL reads columns set earlier in the same statement with their new value.
        return jdbc.update("UPDATE request_quota SET requests = CASE WHEN window_start <= ? THEN 1 ELSE requests + 1 END, "
                + "window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END WHERE quota_key = ?",
                edge, edge, at(now), key);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
