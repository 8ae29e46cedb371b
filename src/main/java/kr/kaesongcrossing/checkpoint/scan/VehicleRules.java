package kr.kaesongcrossing.checkpoint.scan;

import static kr.kaesongcrossing.checkpoint.scan.ScanReason.ALREADY_INSIDE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.APPLICATION_NOT_APPROVED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.EXPIRED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NOT_INSIDE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.NOT_YET_VALID;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.PERSON_PASS_AS_VEHICLE;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.REVOKED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.ROUTE_CLOSED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.VEHICLE_DRIVER_MISMATCH;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.VEHICLE_DRIVER_REFUSED;
import static kr.kaesongcrossing.checkpoint.scan.ScanReason.WRONG_GATE_ORDER;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.TokenReading;

/**
 * The decision on a vehicle at a vehicle lane, free of I/O. The driver's pass is scanned with it and decided first by
 * {@link ScanRules} like anyone's; the vehicle then crosses only with an accepted driver. In order: the vehicle token
 * is well-formed and ours, it is a vehicle pass (PERSON_PASS_AS_VEHICLE), the pass exists; the driver's scan was
 * accepted (VEHICLE_DRIVER_REFUSED). Nobody is trapped: SOUTHBOUND, a vehicle the log puts north of the first gate
 * goes out with its driver whatever is wrong with its pass, with an alert (the driver is not the trip's, the pass is
 * revoked, expired or no longer approved, or the gate before was missed). Otherwise the driver must be the one the
 * vehicle's trip names (VEHICLE_DRIVER_MISMATCH), then the route's mode, the pass's state and window (with
 * {@code clockSkew}) and the trip's approval as for a person, and the vehicle's own position along the route
 * (anti-passback: ALREADY_INSIDE, WRONG_GATE_ORDER, NOT_INSIDE). The slot is the driver's scan's to judge.
 */
final class VehicleRules {

    /**
     * The driver's scan that went with the vehicle.
     *
     * @param accepted    whether {@link ScanRules} let the driver through (an alerted exit is accepted)
     * @param tripId      the trip the driver crossed on (for a permit pass, the crossing booked on it), or null
     */
    record Driver(boolean accepted, Long tripId) {
    }

    private final Route route;
    private final Duration clockSkew;

    VehicleRules(Route route, Duration clockSkew) {
        this.route = route;
        this.clockSkew = clockSkew;
    }

    /**
     * @param reading  the vehicle token's format and signature check
     * @param vehicle  the pass it names, locked for this scan, or empty
     * @param driver   the driver's scan
     * @param approved whether the vehicle's trip is still approved for travel
     * @param position where the log last put the vehicle
     */
    ScanDecision decide(TokenReading reading, Optional<PassForScan> vehicle, Driver driver, boolean approved,
            Position position, Gate gate, Direction direction, RouteMode mode, Instant at) {
        if (!reading.valid()) {
            return ScanDecision.reject(switch (reading.problem()) {
                case MALFORMED -> ScanReason.MALFORMED;
                case INVALID_SIGNATURE -> ScanReason.INVALID_SIGNATURE;
                case UNKNOWN_KEY -> ScanReason.UNKNOWN_KEY;
            });
        }
        if (!reading.vehicle()) {
            return ScanDecision.reject(PERSON_PASS_AS_VEHICLE);
        }
        if (vehicle.isEmpty() || !vehicle.get().vehicle() || !vehicle.get().passId().equals(reading.passId())) {
            return ScanDecision.reject(ScanReason.NOT_FOUND);
        }
        if (!driver.accepted()) {
            return ScanDecision.reject(VEHICLE_DRIVER_REFUSED);
        }
        PassForScan pass = vehicle.get();
        boolean mismatch = driver.tripId() == null || !driver.tripId().equals(pass.applicationId());
        Optional<ScanReason> problem = problem(reading, pass, approved, at);
        int stretch = route.stretch(position);
        int north = route.northOf(gate);
        if (direction == Direction.SOUTHBOUND && stretch > 0) {
            return ScanDecision.acceptWithAlert(mismatch ? VEHICLE_DRIVER_MISMATCH
                    : problem.orElse(stretch != north ? WRONG_GATE_ORDER : null));
        }
        if (mismatch) {
            return ScanDecision.reject(VEHICLE_DRIVER_MISMATCH);
        }
        if (direction == Direction.NORTHBOUND && !mode.northboundAllowed()) {
            return ScanDecision.reject(ROUTE_CLOSED);
        }
        if (problem.isPresent()) {
            return ScanDecision.reject(problem.get());
        }
        if (direction == Direction.SOUTHBOUND) {
            return ScanDecision.reject(NOT_INSIDE);
        }
        if (stretch >= north) {
            return ScanDecision.reject(ALREADY_INSIDE);
        }
        return stretch < north - 1 ? ScanDecision.reject(WRONG_GATE_ORDER) : ScanDecision.ACCEPT;
    }

    private Optional<ScanReason> problem(TokenReading reading, PassForScan pass, boolean approved, Instant at) {
        if (pass.revoked()) {
            return Optional.of(REVOKED);
        }
        Instant from = pass.validFrom().isAfter(reading.notBefore()) ? pass.validFrom() : reading.notBefore();
        if (at.plus(clockSkew).isBefore(from)) {
            return Optional.of(NOT_YET_VALID);
        }
        Instant until = pass.validUntil().isBefore(reading.expiresAt()) ? pass.validUntil() : reading.expiresAt();
        if (!at.minus(clockSkew).isBefore(until)) {
            return Optional.of(EXPIRED);
        }
        return approved ? Optional.empty() : Optional.of(APPLICATION_NOT_APPROVED);
    }
}
