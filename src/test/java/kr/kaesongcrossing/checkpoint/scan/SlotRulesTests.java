package kr.kaesongcrossing.checkpoint.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.TokenReading;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate's slot checks: the window around the slot's time where a crossing begins, and consent per slot. */
class SlotRulesTests {

    private static final Instant FROM = Instant.parse("2026-11-09T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-12T15:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    /** 08:30 KST on DAY (northbound slot) and 16:00 KST (southbound slot). */
    private static final Instant NORTH_AT = Instant.parse("2026-11-09T23:30:00Z");
    private static final Instant SOUTH_AT = Instant.parse("2026-11-10T07:00:00Z");
    private static final TripSlot NORTH_SLOT = new TripSlot(
            new SlotKey(TravelDirection.NORTHBOUND, DAY, LocalTime.of(8, 30)), true);
    private static final TripSlot SOUTH_SLOT = new TripSlot(
            new SlotKey(TravelDirection.SOUTHBOUND, DAY, LocalTime.of(16, 0)), false);

    private static final Route ONE_GATE = new Route(List.of(Gate.KAESONG));
    private static final Route TWO_GATES = new Route(List.of(Gate.DORASAN, Gate.KAESONG));
    private static final Position IN_TRANSIT_NORTH = new Position(Position.Place.IN_TRANSIT, Gate.DORASAN,
            Direction.NORTHBOUND);
    private static final Position IN_TRANSIT_SOUTH = new Position(Position.Place.IN_TRANSIT, Gate.KAESONG,
            Direction.SOUTHBOUND);
    private static final Position INSIDE = new Position(Position.Place.INSIDE, Gate.KAESONG, Direction.NORTHBOUND);

    private static ScanRules rules(Route route, boolean checked) {
        return new ScanRules(route, Duration.ofMinutes(2), Duration.ofHours(12),
                new SlotWindow(checked, Duration.ofMinutes(30), Duration.ofMinutes(90)));
    }

    private static String outcome(ScanRules rules, Position from, Gate gate, Direction direction, TripSlot slot,
            Instant at) {
        ScanDecision decision = rules.decide(new TokenReading(null, "p1", FROM, UNTIL),
                Optional.of(new PassForScan("p1", 7L, 9, false, null, FROM, UNTIL, "김민준", "KIM MINJUN", null)),
                new ScanRules.Trip(true, from, slot), gate, direction, RouteMode.OPEN, at, at);
        return decision.accepted() ? (decision.alert() == null ? "ACCEPT" : "ALERT_" + decision.alert())
                : decision.reason().name();
    }

    @ParameterizedTest(name = "northbound {0} min from the slot's time at the first gate -> {1}")
    @CsvSource({"-31, OUTSIDE_SLOT", "-30, ACCEPT", "0, ACCEPT", "90, ACCEPT", "91, OUTSIDE_SLOT"})
    void shouldLetTravellersInOnlyWithinTheirSlotsWindow(long minutes, String expected) {
        Instant at = NORTH_AT.plus(Duration.ofMinutes(minutes));
        assertThat(outcome(rules(ONE_GATE, true), Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT, at))
                .as("one gate").isEqualTo(expected);
        assertThat(outcome(rules(TWO_GATES, true), Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND, NORTH_SLOT,
                at)).as("two gates, at Dorasan").isEqualTo(expected);
    }

    @Test
    void shouldBeExactToTheSecondAtTheEdgesOfTheWindow() {
        ScanRules rules = rules(ONE_GATE, true);
        Instant opens = NORTH_AT.minus(Duration.ofMinutes(30));
        Instant closes = NORTH_AT.plus(Duration.ofMinutes(90));
        assertThat(outcome(rules, Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT,
                opens.minusSeconds(1))).isEqualTo("OUTSIDE_SLOT");
        assertThat(outcome(rules, Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT, opens))
                .isEqualTo("ACCEPT");
        assertThat(outcome(rules, Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT, closes))
                .isEqualTo("ACCEPT");
        assertThat(outcome(rules, Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT,
                closes.plusSeconds(1))).isEqualTo("OUTSIDE_SLOT");
    }

    @Test
    void shouldCheckTheWindowOnlyWhereTheCrossingBegins() {
        ScanRules rules = rules(TWO_GATES, true);
        Instant late = NORTH_AT.plus(Duration.ofMinutes(120));
        assertThat(outcome(rules, IN_TRANSIT_NORTH, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT, late))
                .as("the zone gate takes whoever Dorasan let through").isEqualTo("ACCEPT");
        Instant lateBack = SOUTH_AT.plus(Duration.ofMinutes(120));
        assertThat(outcome(rules, INSIDE, Gate.KAESONG, Direction.SOUTHBOUND, SOUTH_SLOT, lateBack))
                .as("southbound the crossing begins at the zone gate").isEqualTo("ALERT_OUTSIDE_SLOT");
        assertThat(outcome(rules, IN_TRANSIT_SOUTH, Gate.DORASAN, Direction.SOUTHBOUND, SOUTH_SLOT, lateBack))
                .isEqualTo("ACCEPT");
    }

    @ParameterizedTest(name = "southbound {0} min from the slot's time -> {1}")
    @CsvSource({"-31, ALERT_OUTSIDE_SLOT", "-30, ACCEPT", "90, ACCEPT", "91, ALERT_OUTSIDE_SLOT"})
    void shouldLetReturnsOutsideTheSlotOutWithAnAlert(long minutes, String expected) {
        Instant at = SOUTH_AT.plus(Duration.ofMinutes(minutes));
        assertThat(outcome(rules(ONE_GATE, true), INSIDE, Gate.KAESONG, Direction.SOUTHBOUND, SOUTH_SLOT, at))
                .isEqualTo(expected);
        assertThat(outcome(rules(TWO_GATES, true), INSIDE, Gate.KAESONG, Direction.SOUTHBOUND, SOUTH_SLOT, at))
                .isEqualTo(expected);
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, ScanReason.OUTSIDE_SLOT)).isTrue();
    }

    @Test
    void shouldRefuseATravellerWithoutConsentForTheSlotAtEveryGateNorthboundWithoutOverride() {
        TripSlot noConsent = new TripSlot(NORTH_SLOT.key(), false);
        assertThat(outcome(rules(TWO_GATES, true), Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND, noConsent,
                NORTH_AT)).isEqualTo("NO_CONSENT_FOR_SLOT");
        assertThat(outcome(rules(TWO_GATES, true), IN_TRANSIT_NORTH, Gate.KAESONG, Direction.NORTHBOUND, noConsent,
                NORTH_AT)).isEqualTo("NO_CONSENT_FOR_SLOT");
        assertThat(outcome(rules(ONE_GATE, true), Position.SOUTH, Gate.KAESONG, Direction.NORTHBOUND, noConsent,
                UNTIL.plusSeconds(3600))).as("before an overridable refusal (EXPIRED), so no override hides it")
                .isEqualTo("NO_CONSENT_FOR_SLOT");
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, ScanReason.NO_CONSENT_FOR_SLOT)).isFalse();
        assertThat(outcome(rules(ONE_GATE, true), INSIDE, Gate.KAESONG, Direction.SOUTHBOUND, SOUTH_SLOT, SOUTH_AT))
                .as("returns need no consent: nobody is trapped").isEqualTo("ACCEPT");
    }

    @Test
    void shouldJudgeATripWithoutASlotAsOutsideItsSlotWhereTheCrossingBegins() {
        ScanRules rules = rules(TWO_GATES, true);
        assertThat(outcome(rules, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND, TripSlot.NONE, NORTH_AT))
                .isEqualTo("OUTSIDE_SLOT");
        assertThat(outcome(rules, IN_TRANSIT_NORTH, Gate.KAESONG, Direction.NORTHBOUND, TripSlot.NONE, NORTH_AT))
                .isEqualTo("ACCEPT");
        assertThat(outcome(rules, INSIDE, Gate.KAESONG, Direction.SOUTHBOUND, TripSlot.NONE, SOUTH_AT))
                .isEqualTo("ALERT_OUTSIDE_SLOT");
    }

    @Test
    void shouldJudgeAsBeforeSlotsWithoutGateChecks() {
        ScanRules rules = rules(TWO_GATES, false);
        Instant late = NORTH_AT.plus(Duration.ofHours(6));
        assertThat(outcome(rules, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND,
                new TripSlot(NORTH_SLOT.key(), false), late)).isEqualTo("ACCEPT");
        assertThat(outcome(rules, Position.SOUTH, Gate.DORASAN, Direction.NORTHBOUND, TripSlot.NONE, late))
                .isEqualTo("ACCEPT");
        assertThat(outcome(rules, INSIDE, Gate.KAESONG, Direction.SOUTHBOUND, TripSlot.NONE, late))
                .isEqualTo("ACCEPT");
    }

    @Test
    void shouldNotHideARouteOrPassProblemBehindTheSlot() {
        ScanRules rules = rules(ONE_GATE, true);
        Instant early = NORTH_AT.minus(Duration.ofHours(3));
        assertThat(outcome(rules, INSIDE, Gate.KAESONG, Direction.NORTHBOUND, NORTH_SLOT, early))
                .isEqualTo("ALREADY_INSIDE");
        assertThat(outcome(rules, Position.SOUTH, Gate.KAESONG, Direction.SOUTHBOUND, SOUTH_SLOT, early))
                .isEqualTo("NOT_INSIDE");
    }
}
