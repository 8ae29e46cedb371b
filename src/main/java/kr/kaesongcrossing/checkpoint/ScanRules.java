package kr.kaesongcrossing.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.TokenReading;

/**
 * The checkpoint's decision, free of I/O. Checks run in a fixed order and the first failing one gives the reason:
 * well-formed token, valid signature, known key, pass exists, not revoked, not before its start, not after its end
 * (both with {@code clockSkew} of tolerance), trip still approved, direction matches where the holder is
 * (anti-passback: ENTRY only from outside, EXIT only from inside).
 */
final class ScanRules {

    private final Duration clockSkew;

    ScanRules(Duration clockSkew) {
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
        this.clockSkew = clockSkew;
    }

    Duration clockSkew() {
        return clockSkew;
    }

    /**
     * @param reading             the token's format and signature check
     * @param pass                the pass named by the token, locked for this scan, or empty when there is none
     * @param applicationApproved whether the pass's trip is still APPROVED_FOR_TRAVEL (ignored without a pass)
     * @param presence            where the log last put the holder
     * @param direction           the lane's direction
     * @param now                 when the scan happened
     */
    ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, boolean applicationApproved,
            Presence presence, Direction direction, Instant now) {
        if (!reading.valid()) {
            return ScanDecision.reject(switch (reading.problem()) {
                case MALFORMED -> ScanReason.MALFORMED;
                case INVALID_SIGNATURE -> ScanReason.INVALID_SIGNATURE;
                case UNKNOWN_KEY -> ScanReason.UNKNOWN_KEY;
            });
        }
        if (pass.isEmpty() || !pass.get().passId().equals(reading.passId())) {
            return ScanDecision.reject(ScanReason.NOT_FOUND);
        }
        PassForScan found = pass.get();
        if (found.revoked()) {
            return ScanDecision.reject(ScanReason.REVOKED);
        }
        if (now.plus(clockSkew).isBefore(later(found.validFrom(), reading.notBefore()))) {
            return ScanDecision.reject(ScanReason.NOT_YET_VALID);
        }
        Instant end = earlier(found.validUntil(), reading.expiresAt());
        if (end != null && !now.minus(clockSkew).isBefore(end)) {
            return ScanDecision.reject(ScanReason.EXPIRED);
        }
        if (!applicationApproved) {
            return ScanDecision.reject(ScanReason.APPLICATION_NOT_APPROVED);
        }
        if (direction == Direction.ENTRY && presence == Presence.INSIDE) {
            return ScanDecision.reject(ScanReason.ALREADY_INSIDE);
        }
        if (direction == Direction.EXIT && presence != Presence.INSIDE) {
            return ScanDecision.reject(ScanReason.NOT_INSIDE);
        }
        return ScanDecision.ACCEPT;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b == null ? Instant.MIN : b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
