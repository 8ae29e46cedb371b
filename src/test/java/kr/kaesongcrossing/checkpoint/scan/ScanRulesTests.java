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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScanRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-10T01:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-09T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-12T15:00:00Z");

    /** Today's route: the zone gate only. */
    private static final Route ZONE_GATE_ONLY = new Route(List.of(Gate.KAESONG));
    private static final Position INSIDE = new Position(Position.Place.INSIDE, Gate.KAESONG, Direction.NORTHBOUND);

    private final ScanRules rules = new ScanRules(ZONE_GATE_ONLY, Duration.ofSeconds(60), Duration.ofHours(12),
            SlotWindow.off());

    private static ScanRules.Trip trip(boolean approved, Position position) {
        return new ScanRules.Trip(approved, position, TripSlot.NONE);
    }

    private static TokenReading reading() {
        return new TokenReading(null, "p1", FROM, UNTIL);
    }

    private static Optional<PassForScan> pass(boolean revoked) {
        return Optional.of(new PassForScan("p1", 7L, 9, revoked, revoked ? "lost" : null, FROM, UNTIL, "김민준",
                "KIM MINJUN", null));
    }

    private ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, boolean approved,
            Position position, Direction direction, Instant now) {
        return decide(reading, pass, approved, position, direction, RouteMode.OPEN, now);
    }

    private ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, boolean approved,
            Position position, Direction direction, RouteMode route, Instant now) {
        return rules.decide(reading, pass, trip(approved, position), Gate.KAESONG, direction, route, now, now);
    }

    @Test
    void shouldAcceptEntryFromOutsideAndExitFromInside() {
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, NOW))
                .isEqualTo(ScanDecision.ACCEPT);
        assertThat(decide(reading(), pass(false), true, INSIDE, Direction.SOUTHBOUND, NOW))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @ParameterizedTest
    @EnumSource(TokenProblem.class)
    void shouldRefuseTokenProblemsBeforeLookingAtThePass(TokenProblem problem) {
        ScanDecision decision = decide(new TokenReading(problem, null, null, null), pass(true), false,
                INSIDE, Direction.NORTHBOUND, NOW);
        assertThat(decision.reason()).isEqualTo(ScanReason.valueOf(problem.name()));
        assertThat(decision.accepted()).isFalse();
    }

    @Test
    void shouldRefuseUnknownPass() {
        assertThat(decide(reading(), Optional.empty(), true, Position.SOUTH, Direction.NORTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldRefuseRevokedPassEvenWhenAlsoExpiredAndUnapproved() {
        assertThat(decide(reading(), pass(true), false, INSIDE, Direction.NORTHBOUND, UNTIL.plusSeconds(999))
                .reason()).isEqualTo(ScanReason.REVOKED);
    }

    @Test
    void shouldRefuseBeforeStartBeyondTheClockSkew() {
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, FROM.minusSeconds(61))
                .reason()).isEqualTo(ScanReason.NOT_YET_VALID);
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, FROM.minusSeconds(60)))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @Test
    void shouldRefuseAfterEndBeyondTheClockSkew() {
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, UNTIL.plusSeconds(60))
                .reason()).isEqualTo(ScanReason.EXPIRED);
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, UNTIL.plusSeconds(59)))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @Test
    void shouldUseTheNarrowerOfTokenAndPassValidity() {
        TokenReading shorter = new TokenReading(null, "p1", FROM, NOW.minusSeconds(3600));
        assertThat(decide(shorter, pass(false), true, Position.SOUTH, Direction.NORTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.EXPIRED);
    }

    @Test
    void shouldRefuseWhenTheTripIsNoLongerApprovedBeforeCheckingDirection() {
        assertThat(decide(reading(), pass(false), false, INSIDE, Direction.NORTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.APPLICATION_NOT_APPROVED);
    }

    @Test
    void shouldApplyAntiPassback() {
        assertThat(decide(reading(), pass(false), true, INSIDE, Direction.NORTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.ALREADY_INSIDE);
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.SOUTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.NOT_INSIDE);
    }

    @Test
    void shouldRefuseAPassThatIsNotTheOneTheTokenNames() {
        TokenReading other = new TokenReading(null, "p2", FROM, UNTIL);
        assertThat(decide(other, pass(false), true, Position.SOUTH, Direction.NORTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldLetAGenuineHolderInsideOutWhateverThePassStateWithAnAlert() {
        Instant late = UNTIL.plusSeconds(86_400);
        assertThat(decide(reading(), pass(true), false, INSIDE, Direction.SOUTHBOUND, late))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.REVOKED));
        assertThat(decide(reading(), pass(false), false, INSIDE, Direction.SOUTHBOUND, late))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.EXPIRED));
        assertThat(decide(reading(), pass(false), false, INSIDE, Direction.SOUTHBOUND, NOW))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.APPLICATION_NOT_APPROVED));
        assertThat(decide(reading(), pass(false), true, INSIDE, Direction.SOUTHBOUND, NOW))
                .isEqualTo(ScanDecision.ACCEPT);
        // not inside: the pass's state decides as before
        assertThat(decide(reading(), pass(true), true, Position.SOUTH, Direction.SOUTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.REVOKED);
    }

    @ParameterizedTest
    @EnumSource(TokenProblem.class)
    void shouldNeverLetAForgedOrUnreadableTokenOut(TokenProblem problem) {
        assertThat(decide(new TokenReading(problem, null, null, null), pass(false), true, INSIDE,
                Direction.SOUTHBOUND, NOW).accepted()).isFalse();
    }

    @Test
    void shouldRefuseOfflineScansOlderThanTheWindowButStillLetSomeoneInsideOut() {
        Instant received = NOW.plus(Duration.ofHours(12));
        assertThat(rules.decide(reading(), pass(false), trip(true, Position.SOUTH), Gate.KAESONG,
                Direction.NORTHBOUND, RouteMode.OPEN, NOW.minusSeconds(1),
                received).reason()).isEqualTo(ScanReason.STALE_OFFLINE_SCAN);
        assertThat(rules.decide(reading(), pass(false), trip(true, Position.SOUTH), Gate.KAESONG,
                Direction.NORTHBOUND, RouteMode.OPEN, NOW, received))
                .isEqualTo(ScanDecision.ACCEPT);
        assertThat(rules.decide(reading(), pass(false), trip(true, INSIDE), Gate.KAESONG,
                Direction.SOUTHBOUND, RouteMode.OPEN, NOW.minusSeconds(1),
                received)).isEqualTo(ScanDecision.acceptWithAlert(ScanReason.STALE_OFFLINE_SCAN));
    }

    @Test
    void shouldNeverOfferANorthboundOverrideForARevokedUnapprovedForgedOrUnknownPass() {
        for (ScanReason reason : List.of(ScanReason.REVOKED, ScanReason.APPLICATION_NOT_APPROVED,
                ScanReason.INVALID_SIGNATURE, ScanReason.UNKNOWN_KEY, ScanReason.MALFORMED, ScanReason.NOT_FOUND)) {
            assertThat(ScanRules.overridable(Direction.NORTHBOUND, reason)).as(reason.name()).isFalse();
        }
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, ScanReason.ALREADY_INSIDE)).isTrue();
        assertThat(ScanRules.overridable(Direction.SOUTHBOUND, ScanReason.NOT_INSIDE)).isTrue();
        assertThat(ScanRules.overridable(Direction.SOUTHBOUND, ScanReason.INVALID_SIGNATURE)).isFalse();
    }

    /** The demo route: Dorasan's CIQ, then the zone gate. */
    private static final Route TWO_GATES = new Route(List.of(Gate.DORASAN, Gate.KAESONG));

    private static Position position(String name) {
        return switch (name) {
            case "SOUTH" -> Position.SOUTH;
            case "NORTH_OF_DORASAN" -> new Position(Position.Place.IN_TRANSIT, Gate.DORASAN, Direction.NORTHBOUND);
            case "SOUTH_OF_KAESONG" -> new Position(Position.Place.IN_TRANSIT, Gate.KAESONG, Direction.SOUTHBOUND);
            case "INSIDE" -> INSIDE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** ACCEPT, ALERT_x (accepted with alert x) or the refusal's reason. */
    private static String outcome(ScanDecision decision) {
        return decision.accepted() ? (decision.alert() == null ? "ACCEPT" : "ALERT_" + decision.alert())
                : decision.reason().name();
    }

    @ParameterizedTest(name = "one gate: {1} at KAESONG from {0} -> {2}")
    @CsvSource({
            "SOUTH, NORTHBOUND, ACCEPT",
            "SOUTH, SOUTHBOUND, NOT_INSIDE",
            "INSIDE, NORTHBOUND, ALREADY_INSIDE",
            "INSIDE, SOUTHBOUND, ACCEPT",
            // in transit past a gate the route no longer has: north of the first gate, so they can get out
            "NORTH_OF_DORASAN, NORTHBOUND, ALREADY_INSIDE",
            "NORTH_OF_DORASAN, SOUTHBOUND, ACCEPT"})
    void shouldKeepTodaysRuleAtTheOnlyGate(String from, Direction direction, String expected) {
        assertThat(outcome(rules.decide(reading(), pass(false), trip(true, position(from)), Gate.KAESONG, direction, RouteMode.OPEN, NOW,
                NOW))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "two gates: {2} at {1} from {0} -> {3}")
    @CsvSource({
            "SOUTH, DORASAN, NORTHBOUND, ACCEPT",
            "SOUTH, DORASAN, SOUTHBOUND, NOT_INSIDE",
            "SOUTH, KAESONG, NORTHBOUND, WRONG_GATE_ORDER",
            "SOUTH, KAESONG, SOUTHBOUND, NOT_INSIDE",
            "NORTH_OF_DORASAN, DORASAN, NORTHBOUND, ALREADY_INSIDE",
            "NORTH_OF_DORASAN, DORASAN, SOUTHBOUND, ACCEPT",
            "NORTH_OF_DORASAN, KAESONG, NORTHBOUND, ACCEPT",
            "NORTH_OF_DORASAN, KAESONG, SOUTHBOUND, ALERT_WRONG_GATE_ORDER",
            "SOUTH_OF_KAESONG, DORASAN, NORTHBOUND, ALREADY_INSIDE",
            "SOUTH_OF_KAESONG, DORASAN, SOUTHBOUND, ACCEPT",
            "SOUTH_OF_KAESONG, KAESONG, NORTHBOUND, ACCEPT",
            "SOUTH_OF_KAESONG, KAESONG, SOUTHBOUND, ALERT_WRONG_GATE_ORDER",
            "INSIDE, DORASAN, NORTHBOUND, ALREADY_INSIDE",
            "INSIDE, DORASAN, SOUTHBOUND, ALERT_WRONG_GATE_ORDER",
            "INSIDE, KAESONG, NORTHBOUND, ALREADY_INSIDE",
            "INSIDE, KAESONG, SOUTHBOUND, ACCEPT"})
    void shouldFollowTheRouteGateByGate(String from, Gate gate, Direction direction, String expected) {
        ScanRules route = new ScanRules(TWO_GATES, Duration.ofSeconds(60), Duration.ofHours(12), SlotWindow.off());
        assertThat(outcome(route.decide(reading(), pass(false), trip(true, position(from)), gate, direction, RouteMode.OPEN, NOW, NOW)))
                .isEqualTo(expected);
    }

    @Test
    void shouldLetSomeoneInTransitOutAtDorasanWhateverThePassState() {
        ScanRules route = new ScanRules(TWO_GATES, Duration.ofSeconds(60), Duration.ofHours(12), SlotWindow.off());
        Instant late = UNTIL.plusSeconds(86_400);
        assertThat(route.decide(reading(), pass(true), trip(false, position("NORTH_OF_DORASAN")), Gate.DORASAN,
                Direction.SOUTHBOUND, RouteMode.OPEN, late, late)).isEqualTo(ScanDecision.acceptWithAlert(ScanReason.REVOKED));
        // ...but not on into the zone
        assertThat(route.decide(reading(), pass(true), trip(false, position("NORTH_OF_DORASAN")), Gate.KAESONG,
                Direction.NORTHBOUND, RouteMode.OPEN, late, late).reason()).isEqualTo(ScanReason.REVOKED);
    }

    @Test
    void shouldLetASupervisorOverrideAMissedScanAtThePreviousGateNorthboundOnly() {
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, ScanReason.WRONG_GATE_ORDER)).isTrue();
        assertThat(ScanRules.overridable(Direction.SOUTHBOUND, ScanReason.WRONG_GATE_ORDER)).isFalse();
    }

    @Test
    void shouldMoveAlongTheRouteGateByGate() {
        assertThat(TWO_GATES.after(Gate.DORASAN, Direction.NORTHBOUND).place()).isEqualTo(Position.Place.IN_TRANSIT);
        assertThat(TWO_GATES.after(Gate.KAESONG, Direction.NORTHBOUND).place()).isEqualTo(Position.Place.INSIDE);
        assertThat(TWO_GATES.after(Gate.KAESONG, Direction.SOUTHBOUND).place()).isEqualTo(Position.Place.IN_TRANSIT);
        assertThat(TWO_GATES.after(Gate.DORASAN, Direction.SOUTHBOUND).place()).isEqualTo(Position.Place.SOUTH);
        assertThat(ZONE_GATE_ONLY.after(Gate.KAESONG, Direction.NORTHBOUND).place()).isEqualTo(Position.Place.INSIDE);
        assertThat(TWO_GATES.zoneGate()).isEqualTo(Gate.KAESONG);
    }

    @ParameterizedTest
    @EnumSource(value = RouteMode.class, names = {"SOUTHBOUND_ONLY", "CLOSED"})
    void shouldRefuseEveryNorthboundScanWhileTheRouteIsNotOpenWithoutOverride(RouteMode route) {
        ScanDecision decision = decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, route, NOW);
        assertThat(decision.reason()).isEqualTo(ScanReason.ROUTE_CLOSED);
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, decision.reason())).isFalse();
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.NORTHBOUND, route,
                UNTIL.plusSeconds(999)).reason()).as("the route before the pass's own problems")
                .isEqualTo(ScanReason.ROUTE_CLOSED);
        assertThat(decide(reading(), Optional.empty(), true, Position.SOUTH, Direction.NORTHBOUND, route, NOW).reason())
                .as("an unknown pass is still reported as such").isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldLetReturnsThroughWhenReturnsOnly() {
        assertThat(decide(reading(), pass(false), true, INSIDE, Direction.SOUTHBOUND, RouteMode.SOUTHBOUND_ONLY,
                NOW)).isEqualTo(ScanDecision.ACCEPT);
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.SOUTHBOUND, RouteMode.SOUTHBOUND_ONLY,
                NOW).reason()).isEqualTo(ScanReason.NOT_INSIDE);
    }

    @Test
    void shouldLetSomeoneInsideOutWhileClosedWithAnAlert() {
        assertThat(decide(reading(), pass(false), true, INSIDE, Direction.SOUTHBOUND, RouteMode.CLOSED, NOW))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.ROUTE_CLOSED));
        assertThat(decide(reading(), pass(true), true, INSIDE, Direction.SOUTHBOUND, RouteMode.CLOSED, NOW))
                .as("what is wrong with the pass comes first")
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.REVOKED));
        assertThat(decide(reading(), pass(false), true, Position.SOUTH, Direction.SOUTHBOUND, RouteMode.CLOSED, NOW)
                .reason()).isEqualTo(ScanReason.NOT_INSIDE);
    }

    private ScanDecision listed(Optional<PassForScan> pass, Position position, Direction direction, Instant now) {
        return rules.decide(reading(), pass, new ScanRules.Trip(true, position, TripSlot.NONE, false, true),
                Gate.KAESONG, direction, RouteMode.OPEN, now, now);
    }

    @Test
    void shouldRefuseAListedHolderNorthboundWithoutOverrideAheadOfTheOverridableProblems() {
        ScanDecision decision = listed(pass(false), Position.SOUTH, Direction.NORTHBOUND, NOW);
        assertThat(decision.reason()).isEqualTo(ScanReason.WATCHLIST);
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, ScanReason.WATCHLIST)).isFalse();
        assertThat(listed(pass(false), Position.SOUTH, Direction.NORTHBOUND, UNTIL.plusSeconds(999)).reason())
                .as("not behind EXPIRED, which a supervisor could override").isEqualTo(ScanReason.WATCHLIST);
        assertThat(listed(pass(false), INSIDE, Direction.NORTHBOUND, NOW).reason())
                .as("not behind ALREADY_INSIDE either").isEqualTo(ScanReason.WATCHLIST);
        assertThat(listed(pass(true), Position.SOUTH, Direction.NORTHBOUND, NOW).reason())
                .as("a revoked pass stays REVOKED").isEqualTo(ScanReason.REVOKED);
    }

    @Test
    void shouldLetAListedHolderInsideOutWithTheWatchListAlert() {
        assertThat(listed(pass(false), INSIDE, Direction.SOUTHBOUND, NOW))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.WATCHLIST));
        assertThat(listed(pass(true), INSIDE, Direction.SOUTHBOUND, UNTIL.plusSeconds(999)))
                .as("the watch list before what is wrong with the pass")
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.WATCHLIST));
        assertThat(listed(pass(false), Position.SOUTH, Direction.SOUTHBOUND, NOW).reason())
                .isEqualTo(ScanReason.NOT_INSIDE);
    }
}
