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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A standing permit's pass is valid only with a crossing booked for the day that the counterpart consented to:
 * northbound without one is NO_BOOKED_SLOT (not overridable), with slot checks on or off; southbound a holder
 * inside always gets out.
 */
class PermitPassRulesTests {

    private static final Instant FROM = Instant.parse("2026-11-01T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-04-30T15:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    /** 08:30 KST on DAY. */
    private static final Instant NORTH_AT = Instant.parse("2026-11-09T23:30:00Z");
    private static final SlotKey NORTH = new SlotKey(TravelDirection.NORTHBOUND, DAY, LocalTime.of(8, 30));
    private static final Route ONE_GATE = new Route(List.of(Gate.KAESONG));
    private static final Position INSIDE = new Position(Position.Place.INSIDE, Gate.KAESONG, Direction.NORTHBOUND);

    private static ScanRules rules(boolean slotChecks) {
        return new ScanRules(ONE_GATE, Duration.ofMinutes(2), Duration.ofHours(12),
                new SlotWindow(slotChecks, Duration.ofMinutes(30), Duration.ofMinutes(90)));
    }

    private static String outcome(ScanRules rules, boolean revoked, boolean approved, Position from,
            Direction direction, TripSlot slot) {
        PassForScan pass = new PassForScan("p1", approved ? 7L : null, 9, revoked, revoked ? "revoked" : null, FROM,
                UNTIL, "김민준", "KIM MINJUN", 3L);
        ScanDecision decision = rules.decide(new TokenReading(null, "p1", FROM, UNTIL), Optional.of(pass),
                new ScanRules.Trip(approved, from, slot, true, false), Gate.KAESONG, direction, RouteMode.OPEN,
                NORTH_AT, NORTH_AT);
        return decision.accepted() ? (decision.alert() == null ? "ACCEPT" : "ALERT_" + decision.alert())
                : decision.reason().name();
    }

    @ParameterizedTest(name = "slot checks {0}")
    @ValueSource(booleans = {true, false})
    void shouldLetAHolderNorthOnlyWithABookedConsentedCrossing(boolean slotChecks) {
        ScanRules rules = rules(slotChecks);
        assertThat(outcome(rules, false, true, Position.SOUTH, Direction.NORTHBOUND, new TripSlot(NORTH, true)))
                .isEqualTo("ACCEPT");
        assertThat(outcome(rules, false, false, Position.SOUTH, Direction.NORTHBOUND, TripSlot.NONE))
                .as("nothing booked").isEqualTo("NO_BOOKED_SLOT");
        assertThat(outcome(rules, false, false, Position.SOUTH, Direction.NORTHBOUND, new TripSlot(NORTH, false)))
                .as("booked, the counterpart has not consented").isEqualTo("NO_BOOKED_SLOT");
    }

    @Test
    void shouldNeverLetASupervisorOverrideAMissingBooking() {
        assertThat(ScanRules.overridable(Direction.NORTHBOUND, ScanReason.NO_BOOKED_SLOT)).isFalse();
    }

    @Test
    void shouldSayRevokedBeforeAnythingElseNorthbound() {
        assertThat(outcome(rules(true), true, false, Position.SOUTH, Direction.NORTHBOUND, TripSlot.NONE))
                .isEqualTo("REVOKED");
    }

    @Test
    void shouldAlwaysLetAHolderInsideOutWithAnAlertWhenSomethingIsWrong() {
        ScanRules rules = rules(true);
        assertThat(outcome(rules, true, true, INSIDE, Direction.SOUTHBOUND, TripSlot.NONE))
                .as("permit revoked while inside").isEqualTo("ALERT_REVOKED");
        assertThat(outcome(rules, false, false, INSIDE, Direction.SOUTHBOUND, TripSlot.NONE))
                .as("no crossing booked back").isEqualTo("ALERT_APPLICATION_NOT_APPROVED");
    }

    @Test
    void shouldRefuseASouthboundScanOfAHolderWhoIsNotInside() {
        assertThat(outcome(rules(true), false, true, Position.SOUTH, Direction.SOUTHBOUND, TripSlot.NONE))
                .isEqualTo("NOT_INSIDE");
    }
}
