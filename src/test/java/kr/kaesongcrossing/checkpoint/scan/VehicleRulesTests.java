package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.TokenProblem;
import kr.kaesongcrossing.pass.TokenReading;
import org.junit.jupiter.api.Test;

class VehicleRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-10T01:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-09T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-12T15:00:00Z");
    private static final long TRIP = 7L;
    private static final Route ROUTE = new Route(List.of(Gate.DORASAN, Gate.KAESONG));
    private static final Position IN_TRANSIT = new Position(Position.Place.IN_TRANSIT, Gate.DORASAN,
            Direction.NORTHBOUND);
    private static final Position INSIDE = new Position(Position.Place.INSIDE, Gate.KAESONG, Direction.NORTHBOUND);
    private static final VehicleRules.Driver THE_DRIVER = new VehicleRules.Driver(true, TRIP);
    private static final VehicleRules.Driver SOMEONE_ELSE = new VehicleRules.Driver(true, 8L);

    private final VehicleRules rules = new VehicleRules(ROUTE, Duration.ofSeconds(60));

    private static TokenReading vehicleToken() {
        return new TokenReading(null, "v1", FROM, UNTIL, true);
    }

    private static Optional<PassForScan> vehicle(boolean revoked) {
        return Optional.of(new PassForScan("v1", TRIP, 9, revoked, revoked ? "lost" : null, FROM, UNTIL, "12가3456",
                "12가3456", null, "12가3456", "VAN"));
    }

    private ScanDecision decide(Optional<PassForScan> vehicle, VehicleRules.Driver driver, boolean approved,
            Position position, Gate gate, Direction direction) {
        return rules.decide(vehicleToken(), vehicle, driver, approved, position, gate, direction, RouteMode.OPEN,
                NOW);
    }

    @Test
    void shouldLetTheVehicleFollowItsDriverAlongTheRoute() {
        assertThat(decide(vehicle(false), THE_DRIVER, true, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND))
                .isEqualTo(ScanDecision.ACCEPT);
        assertThat(decide(vehicle(false), THE_DRIVER, true, IN_TRANSIT, Gate.KAESONG, Direction.NORTHBOUND))
                .isEqualTo(ScanDecision.ACCEPT);
        assertThat(decide(vehicle(false), THE_DRIVER, true, INSIDE, Gate.KAESONG, Direction.SOUTHBOUND))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @Test
    void shouldRefuseAVehicleWhoseDriverWasRefusedOrIsNotTheTripsDriver() {
        assertThat(decide(vehicle(false), new VehicleRules.Driver(false, TRIP), true, Position.SOUTH, Gate.DORASAN,
                Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.VEHICLE_DRIVER_REFUSED);
        assertThat(decide(vehicle(false), SOMEONE_ELSE, true, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND)
                .reason()).isEqualTo(ScanReason.VEHICLE_DRIVER_MISMATCH);
        assertThat(decide(vehicle(false), new VehicleRules.Driver(true, null), true, Position.SOUTH, Gate.DORASAN,
                Direction.NORTHBOUND).reason()).isEqualTo(ScanReason.VEHICLE_DRIVER_MISMATCH);
    }

    @Test
    void shouldRefuseAPersonsPassAsTheVehicleAndUnreadableOrUnknownTokens() {
        assertThat(rules.decide(new TokenReading(null, "p1", FROM, UNTIL), vehicle(false), THE_DRIVER, true,
                Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND, RouteMode.OPEN, NOW).reason())
                .isEqualTo(ScanReason.PERSON_PASS_AS_VEHICLE);
        assertThat(rules.decide(new TokenReading(TokenProblem.INVALID_SIGNATURE, null, null, null), Optional.empty(),
                THE_DRIVER, true, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND, RouteMode.OPEN, NOW).reason())
                .isEqualTo(ScanReason.INVALID_SIGNATURE);
        assertThat(decide(Optional.empty(), THE_DRIVER, true, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND)
                .reason()).isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldRefuseARevokedExpiredOrUnapprovedVehicleNorthbound() {
        assertThat(decide(vehicle(true), THE_DRIVER, true, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND)
                .reason()).isEqualTo(ScanReason.REVOKED);
        assertThat(decide(vehicle(false), THE_DRIVER, false, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND)
                .reason()).isEqualTo(ScanReason.APPLICATION_NOT_APPROVED);
        assertThat(rules.decide(vehicleToken(), vehicle(false), THE_DRIVER, true, Position.SOUTH, Gate.DORASAN,
                Direction.NORTHBOUND, RouteMode.OPEN, UNTIL.plusSeconds(120)).reason())
                .isEqualTo(ScanReason.EXPIRED);
        assertThat(rules.decide(vehicleToken(), vehicle(false), THE_DRIVER, true, Position.SOUTH, Gate.DORASAN,
                Direction.NORTHBOUND, RouteMode.SOUTHBOUND_ONLY, NOW).reason()).isEqualTo(ScanReason.ROUTE_CLOSED);
    }

    @Test
    void shouldKeepAVehiclesOwnPositionAlongTheRoute() {
        assertThat(decide(vehicle(false), THE_DRIVER, true, INSIDE, Gate.KAESONG, Direction.NORTHBOUND).reason())
                .isEqualTo(ScanReason.ALREADY_INSIDE);
        assertThat(decide(vehicle(false), THE_DRIVER, true, Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND)
                .reason()).isEqualTo(ScanReason.WRONG_GATE_ORDER);
        assertThat(decide(vehicle(false), THE_DRIVER, true, Position.SOUTH, Gate.KAESONG, Direction.SOUTHBOUND)
                .reason()).isEqualTo(ScanReason.NOT_INSIDE);
    }

    @Test
    void shouldLetAVehicleOutWithAnAlertWhenItsDriverIsLetOut() {
        ScanDecision revoked = decide(vehicle(true), THE_DRIVER, true, INSIDE, Gate.KAESONG, Direction.SOUTHBOUND);
        assertThat(revoked.accepted()).isTrue();
        assertThat(revoked.alert()).isEqualTo(ScanReason.REVOKED);
        ScanDecision otherDriver = decide(vehicle(false), SOMEONE_ELSE, true, INSIDE, Gate.KAESONG,
                Direction.SOUTHBOUND);
        assertThat(otherDriver.accepted()).isTrue();
        assertThat(otherDriver.alert()).isEqualTo(ScanReason.VEHICLE_DRIVER_MISMATCH);
        assertThat(decide(vehicle(false), THE_DRIVER, true, IN_TRANSIT, Gate.KAESONG, Direction.SOUTHBOUND).alert())
                .isEqualTo(ScanReason.WRONG_GATE_ORDER);
        // but not when the driver is refused: the vehicle stays with its driver
        assertThat(decide(vehicle(true), new VehicleRules.Driver(false, TRIP), true, INSIDE, Gate.KAESONG,
                Direction.SOUTHBOUND).reason()).isEqualTo(ScanReason.VEHICLE_DRIVER_REFUSED);
    }

    @Test
    void shouldRefuseAVehiclePassAtAPersonLane() {
        ScanRules personLane = new ScanRules(ROUTE, Duration.ofSeconds(60), Duration.ofHours(12), SlotWindow.off());
        assertThat(personLane.decide(vehicleToken(), vehicle(false), new ScanRules.Trip(true, Position.SOUTH,
                TripSlot.NONE), Gate.DORASAN, Direction.NORTHBOUND, RouteMode.OPEN, NOW, NOW).reason())
                .isEqualTo(ScanReason.VEHICLE_PASS_AT_PERSON_LANE);
    }
}
