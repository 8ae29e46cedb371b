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
import org.junit.jupiter.params.provider.EnumSource;

class ScanRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-10T01:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-09T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-12T15:00:00Z");

    private final ScanRules rules = new ScanRules(Duration.ofSeconds(60), Duration.ofHours(12));

    private static TokenReading reading() {
        return new TokenReading(null, "p1", FROM, UNTIL);
    }

    private static Optional<PassForScan> pass(boolean revoked) {
        return Optional.of(new PassForScan("p1", 7, 9, revoked, revoked ? "lost" : null, FROM, UNTIL, "김민준",
                "KIM MINJUN"));
    }

    private ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, boolean approved,
            Presence presence, Direction direction, Instant now) {
        return decide(reading, pass, approved, presence, direction, RouteMode.OPEN, now);
    }

    private ScanDecision decide(TokenReading reading, Optional<PassForScan> pass, boolean approved,
            Presence presence, Direction direction, RouteMode route, Instant now) {
        return rules.decide(reading, pass, approved, presence, direction, route, now, now);
    }

    @Test
    void shouldAcceptEntryFromOutsideAndExitFromInside() {
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, NOW))
                .isEqualTo(ScanDecision.ACCEPT);
        assertThat(decide(reading(), pass(false), true, Presence.INSIDE, Direction.EXIT, NOW))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @ParameterizedTest
    @EnumSource(TokenProblem.class)
    void shouldRefuseTokenProblemsBeforeLookingAtThePass(TokenProblem problem) {
        ScanDecision decision = decide(new TokenReading(problem, null, null, null), pass(true), false,
                Presence.INSIDE, Direction.ENTRY, NOW);
        assertThat(decision.reason()).isEqualTo(ScanReason.valueOf(problem.name()));
        assertThat(decision.accepted()).isFalse();
    }

    @Test
    void shouldRefuseUnknownPass() {
        assertThat(decide(reading(), Optional.empty(), true, Presence.OUTSIDE, Direction.ENTRY, NOW).reason())
                .isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldRefuseRevokedPassEvenWhenAlsoExpiredAndUnapproved() {
        assertThat(decide(reading(), pass(true), false, Presence.INSIDE, Direction.ENTRY, UNTIL.plusSeconds(999))
                .reason()).isEqualTo(ScanReason.REVOKED);
    }

    @Test
    void shouldRefuseBeforeStartBeyondTheClockSkew() {
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, FROM.minusSeconds(61))
                .reason()).isEqualTo(ScanReason.NOT_YET_VALID);
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, FROM.minusSeconds(60)))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @Test
    void shouldRefuseAfterEndBeyondTheClockSkew() {
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, UNTIL.plusSeconds(60))
                .reason()).isEqualTo(ScanReason.EXPIRED);
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, UNTIL.plusSeconds(59)))
                .isEqualTo(ScanDecision.ACCEPT);
    }

    @Test
    void shouldUseTheNarrowerOfTokenAndPassValidity() {
        TokenReading shorter = new TokenReading(null, "p1", FROM, NOW.minusSeconds(3600));
        assertThat(decide(shorter, pass(false), true, Presence.OUTSIDE, Direction.ENTRY, NOW).reason())
                .isEqualTo(ScanReason.EXPIRED);
    }

    @Test
    void shouldRefuseWhenTheTripIsNoLongerApprovedBeforeCheckingDirection() {
        assertThat(decide(reading(), pass(false), false, Presence.INSIDE, Direction.ENTRY, NOW).reason())
                .isEqualTo(ScanReason.APPLICATION_NOT_APPROVED);
    }

    @Test
    void shouldApplyAntiPassback() {
        assertThat(decide(reading(), pass(false), true, Presence.INSIDE, Direction.ENTRY, NOW).reason())
                .isEqualTo(ScanReason.ALREADY_INSIDE);
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.EXIT, NOW).reason())
                .isEqualTo(ScanReason.NOT_INSIDE);
    }

    @Test
    void shouldRefuseAPassThatIsNotTheOneTheTokenNames() {
        TokenReading other = new TokenReading(null, "p2", FROM, UNTIL);
        assertThat(decide(other, pass(false), true, Presence.OUTSIDE, Direction.ENTRY, NOW).reason())
                .isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldLetAGenuineHolderInsideOutWhateverThePassStateWithAnAlert() {
        Instant late = UNTIL.plusSeconds(86_400);
        assertThat(decide(reading(), pass(true), false, Presence.INSIDE, Direction.EXIT, late))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.REVOKED));
        assertThat(decide(reading(), pass(false), false, Presence.INSIDE, Direction.EXIT, late))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.EXPIRED));
        assertThat(decide(reading(), pass(false), false, Presence.INSIDE, Direction.EXIT, NOW))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.APPLICATION_NOT_APPROVED));
        assertThat(decide(reading(), pass(false), true, Presence.INSIDE, Direction.EXIT, NOW))
                .isEqualTo(ScanDecision.ACCEPT);
        // not inside: the pass's state decides as before
        assertThat(decide(reading(), pass(true), true, Presence.OUTSIDE, Direction.EXIT, NOW).reason())
                .isEqualTo(ScanReason.REVOKED);
    }

    @ParameterizedTest
    @EnumSource(TokenProblem.class)
    void shouldNeverLetAForgedOrUnreadableTokenOut(TokenProblem problem) {
        assertThat(decide(new TokenReading(problem, null, null, null), pass(false), true, Presence.INSIDE,
                Direction.EXIT, NOW).accepted()).isFalse();
    }

    @Test
    void shouldRefuseOfflineScansOlderThanTheWindowButStillLetSomeoneInsideOut() {
        Instant received = NOW.plus(Duration.ofHours(12));
        assertThat(rules.decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, RouteMode.OPEN,
                NOW.minusSeconds(1), received).reason()).isEqualTo(ScanReason.STALE_OFFLINE_SCAN);
        assertThat(rules.decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, RouteMode.OPEN, NOW,
                received))
                .isEqualTo(ScanDecision.ACCEPT);
        assertThat(rules.decide(reading(), pass(false), true, Presence.INSIDE, Direction.EXIT, RouteMode.OPEN,
                NOW.minusSeconds(1), received)).isEqualTo(ScanDecision.acceptWithAlert(ScanReason.STALE_OFFLINE_SCAN));
    }

    @Test
    void shouldNeverOfferANorthboundOverrideForARevokedUnapprovedForgedOrUnknownPass() {
        for (ScanReason reason : List.of(ScanReason.REVOKED, ScanReason.APPLICATION_NOT_APPROVED,
                ScanReason.INVALID_SIGNATURE, ScanReason.UNKNOWN_KEY, ScanReason.MALFORMED, ScanReason.NOT_FOUND)) {
            assertThat(ScanRules.overridable(Direction.ENTRY, reason)).as(reason.name()).isFalse();
        }
        assertThat(ScanRules.overridable(Direction.ENTRY, ScanReason.ALREADY_INSIDE)).isTrue();
        assertThat(ScanRules.overridable(Direction.EXIT, ScanReason.NOT_INSIDE)).isTrue();
        assertThat(ScanRules.overridable(Direction.EXIT, ScanReason.INVALID_SIGNATURE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = RouteMode.class, names = {"SOUTHBOUND_ONLY", "CLOSED"})
    void shouldRefuseEveryNorthboundScanWhileTheRouteIsNotOpenWithoutOverride(RouteMode route) {
        ScanDecision decision = decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, route, NOW);
        assertThat(decision.reason()).isEqualTo(ScanReason.ROUTE_CLOSED);
        assertThat(ScanRules.overridable(Direction.ENTRY, decision.reason())).isFalse();
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.ENTRY, route,
                UNTIL.plusSeconds(999)).reason()).as("the route before the pass's own problems")
                .isEqualTo(ScanReason.ROUTE_CLOSED);
        assertThat(decide(reading(), Optional.empty(), true, Presence.OUTSIDE, Direction.ENTRY, route, NOW).reason())
                .as("an unknown pass is still reported as such").isEqualTo(ScanReason.NOT_FOUND);
    }

    @Test
    void shouldLetReturnsThroughWhenReturnsOnly() {
        assertThat(decide(reading(), pass(false), true, Presence.INSIDE, Direction.EXIT, RouteMode.SOUTHBOUND_ONLY,
                NOW)).isEqualTo(ScanDecision.ACCEPT);
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.EXIT, RouteMode.SOUTHBOUND_ONLY,
                NOW).reason()).isEqualTo(ScanReason.NOT_INSIDE);
    }

    @Test
    void shouldLetSomeoneInsideOutWhileClosedWithAnAlert() {
        assertThat(decide(reading(), pass(false), true, Presence.INSIDE, Direction.EXIT, RouteMode.CLOSED, NOW))
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.ROUTE_CLOSED));
        assertThat(decide(reading(), pass(true), true, Presence.INSIDE, Direction.EXIT, RouteMode.CLOSED, NOW))
                .as("what is wrong with the pass comes first")
                .isEqualTo(ScanDecision.acceptWithAlert(ScanReason.REVOKED));
        assertThat(decide(reading(), pass(false), true, Presence.OUTSIDE, Direction.EXIT, RouteMode.CLOSED, NOW)
                .reason()).isEqualTo(ScanReason.NOT_INSIDE);
    }
}
