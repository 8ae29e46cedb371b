package kr.kaesongcrossing.checkpoint.scan;

/**
 * Why a scan was refused, in the order {@link ScanRules} checks them. REVOKED, EXPIRED, APPLICATION_NOT_APPROVED,
 * STALE_OFFLINE_SCAN, WRONG_GATE_ORDER and ROUTE_CLOSED are also the alerts an accepted southbound scan of someone
 * north of the first gate can carry. WRONG_GATE_ORDER: the log does not have the holder at the gate before this one
 * along their way (a scan there was missed). NO_CONSENT_FOR_SLOT and OUTSIDE_SLOT judge the traveller's slot when
 * {@code kc.schedule.gate-checks} is on; OUTSIDE_SLOT is also an alert on a return outside the slot. NO_BOOKED_SLOT:
 * a standing permit's pass northbound without a crossing booked for that day that the counterpart consented to.
 * WATCHLIST: the trip has an open watch-list match (its holder may have been listed after approval): refused
 * northbound, an alert southbound.
 * The vehicle lane's ({@link VehicleRules}): VEHICLE_PASS_AT_PERSON_LANE, a vehicle pass scanned at a person lane;
 * PERSON_PASS_AS_VEHICLE, a person's pass given as the vehicle; VEHICLE_DRIVER_REFUSED, the driver's own scan was
 * refused; VEHICLE_DRIVER_MISMATCH, the driver is not the one the vehicle's trip names (also an alert southbound).
 */
public enum ScanReason {
    MALFORMED, INVALID_SIGNATURE, UNKNOWN_KEY, NOT_FOUND, ROUTE_CLOSED, STALE_OFFLINE_SCAN, REVOKED, NOT_YET_VALID,
    EXPIRED, APPLICATION_NOT_APPROVED, ALREADY_INSIDE, NOT_INSIDE, WRONG_GATE_ORDER,
    NO_CONSENT_FOR_SLOT, OUTSIDE_SLOT, NO_BOOKED_SLOT, WATCHLIST,
    VEHICLE_PASS_AT_PERSON_LANE, PERSON_PASS_AS_VEHICLE, VEHICLE_DRIVER_REFUSED, VEHICLE_DRIVER_MISMATCH
}
