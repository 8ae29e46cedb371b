package kr.kaesongcrossing.checkpoint.scan;

import static kr.kaesongcrossing.checkpoint.scan.ScanReason.ALREADY_INSIDE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.APPLICATION_NOT_APPROVED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.EXPIRED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NOT_INSIDE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NOT_YET_VALID;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.REVOKED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.ROUTE_CLOSED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.STALE_OFFLINE_SCAN;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.TokenReading;

/**
 * The checkpoint's decision, free of I/O. ENTRY is northbound (출경, into the zone), EXIT southbound (입경).
 * Checks run in a fixed order and the first failing one gives the reason: well-formed token, valid signature,
 * known key, pass exists; then the route's mode: no northbound crossing unless the route is OPEN (not even by
 * override: the other side would not let them through); then nobody is trapped inside: EXIT of a holder the log
 * shows inside is accepted whatever the pass's state or the route's mode, with an alert when the pass is revoked,
 * expired, no longer approved, the scan is stale or the route is CLOSED.
 * Otherwise: not older than the offline window, not revoked, not before its start, not after its end (both with
 * {@code clockSkew} of tolerance), trip still approved, direction matches where the holder is (anti-passback:
 * ENTRY only from outside, EXIT only from inside).
 */
public final class ScanRules {

    /**
     * Refusals a supervisor may let through northbound: a known, genuine, still approved pass that is early, late
     * or whose last southbound scan was missed. Never a pass that is revoked, withdrawn, forged, unknown or stale.
     */
    static final Set<ScanReason> OVERRIDABLE_ENTRY = Set.of(NOT_YET_VALID, EXPIRED, ALREADY_INSIDE);

    /** Refusals a supervisor may let through southbound: letting a known holder out is always safer than not. */
    static final Set<ScanReason> OVERRIDABLE_EXIT = Set.of(REVOKED, NOT_YET_VALID, EXPIRED, APPLICATION_NOT_APPROVED,
            NOT_INSIDE);

    /** What is wrong with a pass that still lets its holder out of the zone (the answer's alert). */
    private static final Set<ScanReason> EXIT_ALERTS = Set.of(REVOKED, EXPIRED, APPLICATION_NOT_APPROVED);

    private final Duration clockSkew;
    private final Duration offlineWindow;

    ScanRules(Duration clockSkew, Duration offlineWindow) {
        if (clockSkew.isNegative() || offlineWindow.isNegative()) {
            throw new IllegalArgumentException("clock skew and offline window must not be negative");
        }
        this.clockSkew = clockSkew;
        this.offlineWindow = offlineWindow;
    }

    Duration clockSkew() {
        return clockSkew;
    }

    public static boolean overridable(Direction direction, ScanReason reason) {
        return (direction == Direction.ENTRY ? OVERRIDABLE_ENTRY : OVERRIDABLE_EXIT).contains(reason);
    }

    /**
     * @param reading             the token's format and signature check
     * @param pass                the pass named by the token, locked for this scan, or empty when there is none
     * @param applicationApproved whether the pass's trip is still APPROVED_FOR_TRAVEL (ignored without a pass)
     * @param presence            where the log last put the holder
     * @param direction           the lane's direction
     * @param route               the route's mode in force at {@code scannedAt}
     * @param scannedAt           when the scan happened (a device offline may send it later)
     * @param receivedAt          when the server received it
     */
    ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, boolean applicationApproved,
            Presence presence, Direction direction, RouteMode route, Instant scannedAt, Instant receivedAt) {
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
        if (direction == Direction.ENTRY && !route.northboundAllowed()) {
            return ScanDecision.reject(ROUTE_CLOSED);
        }
        Optional<ScanReason> problem = problem(reading, pass.get(), applicationApproved, scannedAt);
        boolean stale = scannedAt.plus(offlineWindow).isBefore(receivedAt);
        if (direction == Direction.EXIT && presence == Presence.INSIDE) {
            return ScanDecision.acceptWithAlert(problem.filter(EXIT_ALERTS::contains)
                    .orElse(stale ? STALE_OFFLINE_SCAN : route.southboundAllowed() ? null : ROUTE_CLOSED));
        }
        if (stale) {
            return ScanDecision.reject(STALE_OFFLINE_SCAN);
        }
        if (problem.isPresent()) {
            return ScanDecision.reject(problem.get());
        }
        if (direction == Direction.ENTRY && presence == Presence.INSIDE) {
            return ScanDecision.reject(ALREADY_INSIDE);
        }
        if (direction == Direction.EXIT && presence != Presence.INSIDE) {
            return ScanDecision.reject(NOT_INSIDE);
        }
        return ScanDecision.ACCEPT;
    }

    /** The first thing wrong with the pass itself at {@code at}, if any. */
    private Optional<ScanReason> problem(TokenReading reading, PassForScan pass, boolean applicationApproved,
            Instant at) {
        if (pass.revoked()) {
            return Optional.of(REVOKED);
        }
        if (at.plus(clockSkew).isBefore(later(pass.validFrom(), reading.notBefore()))) {
            return Optional.of(NOT_YET_VALID);
        }
        Instant end = earlier(pass.validUntil(), reading.expiresAt());
        if (end != null && !at.minus(clockSkew).isBefore(end)) {
            return Optional.of(EXPIRED);
        }
        if (!applicationApproved) {
            return Optional.of(APPLICATION_NOT_APPROVED);
        }
        return Optional.empty();
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
