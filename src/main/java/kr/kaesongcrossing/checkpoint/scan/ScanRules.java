package kr.kaesongcrossing.checkpoint.scan;

import static kr.kaesongcrossing.checkpoint.scan.ScanReason.ALREADY_INSIDE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.APPLICATION_NOT_APPROVED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.EXPIRED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NOT_INSIDE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NO_BOOKED_SLOT;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NO_CONSENT_FOR_SLOT;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.OUTSIDE_SLOT;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NOT_YET_VALID;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.REVOKED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.ROUTE_CLOSED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.STALE_OFFLINE_SCAN;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.WATCHLIST;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.WRONG_GATE_ORDER;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.TokenReading;

/**
 * The decision at a gate of the {@link Route}, free of I/O. NORTHBOUND is 출경, SOUTHBOUND 입경. Checks run in a
 * fixed order and the first failing one gives the reason: well-formed token, valid signature, known key, pass
 * exists; then the route's mode: no northbound crossing unless the route is OPEN (not even by override: the other
 * side would not let them through); then nobody is trapped: a SOUTHBOUND scan of a holder the log puts north of the first gate (in transit or
 * inside the zone) is accepted at any gate whatever the pass's state, with an alert when it is revoked, expired, no
 * longer approved, the scan is stale, the holder was not seen at the gate before this one (WRONG_GATE_ORDER), or the
 * route is CLOSED (ROUTE_CLOSED).
 * Otherwise: not older than the offline window, not revoked, not before its start, not after its end (both with
 * {@code clockSkew} of tolerance), trip still approved, and the holder is where this crossing starts
 * (anti-passback along the route): NORTHBOUND at a gate only from just south of it (ALREADY_INSIDE when the log
 * has them past it already, WRONG_GATE_ORDER when they skipped the gate before), SOUTHBOUND never from the South
 * (NOT_INSIDE). With one gate this is the zone gate's rule: northbound only from outside, southbound only from
 * inside.
 *
 * <p>With slot checks on ({@link SlotWindow#checked()}), two more: NORTHBOUND, right after REVOKED, a traveller whose
 * trip is approved but who is not on the counterpart's consent list for their slot is NO_CONSENT_FOR_SLOT, at every
 * gate (checked before the pass's overridable problems, so that no override can let them through behind another
 * reason). And last of all, where a crossing begins (the first gate northbound, the zone gate southbound: the slot's
 * time is the time there; the next gate takes whoever the first let through, the road being 10-20 minutes), a scan
 * outside the slot's window, or of a trip without a slot in that direction (trips from before slots), is
 * OUTSIDE_SLOT: refused northbound (a supervisor may override), an alert southbound (nobody is trapped).
 *
 * <p>A standing permit's pass is valid only with a booked crossing: NORTHBOUND, right after REVOKED, a permit pass
 * without a crossing booked for the day, approved for travel and consented to (for its slot with slot checks on,
 * as a trip without them) is NO_BOOKED_SLOT, and no override lets it through. SOUTHBOUND it is judged like any pass, so a holder inside
 * always gets out (with APPLICATION_NOT_APPROVED as the alert when no crossing is booked).
 *
 * <p>A trip with an open watch-list match ({@link Trip#listed()}: its holder may have been listed after approval)
 * is WATCHLIST NORTHBOUND, right after REVOKED and never overridable, until the office clears the match; SOUTHBOUND
 * a holder inside is let out with WATCHLIST as the alert, before any other.
 */
public final class ScanRules {

    /**
     * Refusals a supervisor may let through northbound: a known, genuine, still approved pass that is early, late,
     * whose last southbound scan was missed, or whose scan at the gate before was missed (the person cannot reach
     * the zone gate without passing Dorasan: the supervisor checks with that gate, then lets them on). Never a pass
     * that is revoked, withdrawn, forged, unknown or stale.
     */
    static final Set<ScanReason> OVERRIDABLE_NORTHBOUND = Set.of(NOT_YET_VALID, EXPIRED, ALREADY_INSIDE,
            WRONG_GATE_ORDER, OUTSIDE_SLOT);
    // Never NO_CONSENT_FOR_SLOT, as never ROUTE_CLOSED: the counterpart's consent list is the other side's decision,
    // not ours to waive. Its checkpoint would turn the traveller back into the DMZ, and a crossing it did not agree
    // to puts the whole route at risk. The office can still move the trip to a slot the counterpart consented to.
    // Never WATCHLIST either: whether the holder is the listed person is the office's decision (it clears the match).

    /** Refusals a supervisor may let through southbound: letting a known holder out is always safer than not. */
    static final Set<ScanReason> OVERRIDABLE_SOUTHBOUND = Set.of(REVOKED, NOT_YET_VALID, EXPIRED,
            APPLICATION_NOT_APPROVED, NOT_INSIDE);

    /** What is wrong with a pass that still lets its holder out southbound (the answer's alert). */
    private static final Set<ScanReason> SOUTHBOUND_ALERTS = Set.of(REVOKED, EXPIRED, APPLICATION_NOT_APPROVED);

    /**
     * What the checkpoint knows about the pass's trip when it is scanned.
     *
     * @param approved whether the trip is still APPROVED_FOR_TRAVEL (ignored without a pass)
     * @param position where the log last put the holder
     * @param slot     the trip's slot in the scan's direction ({@link TripSlot#NONE} without slot checks, except
     *                 for a permit pass)
     * @param permit   whether the pass is a standing permit's (then the trip is the crossing booked on it)
     * @param listed   whether screening holds the trip (an open watch-list match)
     */
    record Trip(boolean approved, Position position, TripSlot slot, boolean permit, boolean listed) {

        Trip(boolean approved, Position position, TripSlot slot) {
            this(approved, position, slot, false, false);
        }
    }

    private final Route route;
    private final Duration clockSkew;
    private final Duration offlineWindow;
    private final SlotWindow slotWindow;

    ScanRules(Route route, Duration clockSkew, Duration offlineWindow, SlotWindow slotWindow) {
        if (clockSkew.isNegative() || offlineWindow.isNegative()) {
            throw new IllegalArgumentException("clock skew and offline window must not be negative");
        }
        this.route = route;
        this.clockSkew = clockSkew;
        this.offlineWindow = offlineWindow;
        this.slotWindow = slotWindow;
    }

    /** Whether scans are judged by the traveller's slot ({@code kc.schedule.gate-checks}). */
    boolean checksSlots() {
        return slotWindow.checked();
    }

    SlotWindow slotWindow() {
        return slotWindow;
    }

    Duration clockSkew() {
        return clockSkew;
    }

    public static boolean overridable(Direction direction, ScanReason reason) {
        return (direction == Direction.NORTHBOUND ? OVERRIDABLE_NORTHBOUND : OVERRIDABLE_SOUTHBOUND).contains(reason);
    }

    /**
     * @param reading             the token's format and signature check
     * @param pass                the pass named by the token, locked for this scan, or empty when there is none
     * @param trip                its trip: approved, where the holder is, its slot
     * @param gate                the lane's gate, on the route
     * @param direction           the lane's direction
     * @param mode                the route's mode in force at {@code scannedAt}
     * @param scannedAt           when the scan happened (a device offline may send it later)
     * @param receivedAt          when the server received it
     */
    ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, Trip trip, Gate gate, Direction direction,
            RouteMode mode, Instant scannedAt, Instant receivedAt) {
        if (!reading.valid()) {
            return ScanDecision.reject(switch (reading.problem()) {
                case MALFORMED -> ScanReason.MALFORMED;
                case INVALID_SIGNATURE -> ScanReason.INVALID_SIGNATURE;
                case UNKNOWN_KEY -> ScanReason.UNKNOWN_KEY;
            });
        }
        if (reading.vehicle()) { // a vehicle crosses at a vehicle lane, with its driver (VehicleRules)
            return ScanDecision.reject(ScanReason.VEHICLE_PASS_AT_PERSON_LANE);
        }
        if (pass.isEmpty() || !pass.get().passId().equals(reading.passId())) {
            return ScanDecision.reject(ScanReason.NOT_FOUND);
        }
        if (direction == Direction.NORTHBOUND && !mode.northboundAllowed()) {
            return ScanDecision.reject(ROUTE_CLOSED);
        }
        Optional<ScanReason> problem = problem(reading, pass.get(), trip, direction, scannedAt);
        boolean stale = scannedAt.plus(offlineWindow).isBefore(receivedAt);
        boolean outsideSlot = outsideSlot(trip.slot(), gate, direction, scannedAt);
        // stretches of road numbered from the South (see Route): where the holder is, and just past this gate
        int at = route.stretch(trip.position());
        int north = route.northOf(gate);
        if (direction == Direction.SOUTHBOUND && at > 0) {
            return ScanDecision.acceptWithAlert(trip.listed() ? WATCHLIST : problem.filter(SOUTHBOUND_ALERTS::contains)
                    .orElse(stale ? STALE_OFFLINE_SCAN : at != north ? WRONG_GATE_ORDER
                            : !mode.southboundAllowed() ? ROUTE_CLOSED : outsideSlot ? OUTSIDE_SLOT : null));
        }
        if (stale) {
            return ScanDecision.reject(STALE_OFFLINE_SCAN);
        }
        if (problem.isPresent()) {
            return ScanDecision.reject(problem.get());
        }
        if (direction == Direction.SOUTHBOUND) {
            return ScanDecision.reject(NOT_INSIDE);
        }
        if (at >= north) {
            return ScanDecision.reject(ALREADY_INSIDE);
        }
        if (at < north - 1) {
            return ScanDecision.reject(WRONG_GATE_ORDER);
        }
        return outsideSlot ? ScanDecision.reject(OUTSIDE_SLOT) : ScanDecision.ACCEPT;
    }

    /**
     * The first thing wrong with the pass and its trip at {@code at}, if any; the slot's consent only northbound and
     * only for a trip still approved (one that is not is APPLICATION_NOT_APPROVED).
     */
    private Optional<ScanReason> problem(TokenReading reading, PassForScan pass, Trip trip, Direction direction,
            Instant at) {
        if (pass.revoked()) {
            return Optional.of(REVOKED);
        }
        if (direction == Direction.NORTHBOUND && trip.listed()) {
            return Optional.of(WATCHLIST);
        }
        if (direction == Direction.NORTHBOUND && trip.permit() && (trip.slot().key() == null
                || !trip.slot().consented() || !trip.approved())) {
            return Optional.of(NO_BOOKED_SLOT);
        }
        if (direction == Direction.NORTHBOUND && slotWindow.checked() && trip.slot().key() != null
                && trip.approved() && !trip.slot().consented()) {
            return Optional.of(NO_CONSENT_FOR_SLOT);
        }
        if (at.plus(clockSkew).isBefore(later(pass.validFrom(), reading.notBefore()))) {
            return Optional.of(NOT_YET_VALID);
        }
        Instant end = earlier(pass.validUntil(), reading.expiresAt());
        if (end != null && !at.minus(clockSkew).isBefore(end)) {
            return Optional.of(EXPIRED);
        }
        if (!trip.approved()) {
            return Optional.of(APPLICATION_NOT_APPROVED);
        }
        return Optional.empty();
    }

    /** Where the crossing begins, with slot checks on: no slot in this direction, or {@code at} outside its window. */
    private boolean outsideSlot(TripSlot slot, Gate gate, Direction direction, Instant at) {
        return slotWindow.checked() && gate == route.firstGate(direction)
                && (slot.key() == null || !slotWindow.admits(slot.departsAt(), at));
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
