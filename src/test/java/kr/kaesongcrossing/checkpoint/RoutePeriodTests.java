package kr.kaesongcrossing.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RoutePeriodTests {

    /** 2026-12-05 09:00 KST. */
    private static final Instant FROM = Instant.parse("2026-12-05T00:00:00Z");
    /** 2026-12-08 00:00 KST: the 8th is no longer in the period. */
    private static final Instant UNTIL = Instant.parse("2026-12-07T15:00:00Z");

    private static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);
    private static final LocalDate DEC_4 = LocalDate.of(2026, 12, 4);
    private static final LocalDate DEC_5 = LocalDate.of(2026, 12, 5);
    private static final LocalDate DEC_7 = LocalDate.of(2026, 12, 7);
    private static final LocalDate DEC_8 = LocalDate.of(2026, 12, 8);
    private static final LocalDate DEC_10 = LocalDate.of(2026, 12, 10);

    @Test
    void shouldMeetNorthboundDaysInAPeriodThatIsNotOpen() {
        RoutePeriod returnsOnly = new RoutePeriod(RouteMode.SOUTHBOUND_ONLY, FROM, UNTIL);
        assertThat(returnsOnly.meets(DEC_5, DEC_10)).as("northbound on the first day, later that day").isTrue();
        assertThat(returnsOnly.meets(DEC_7, DEC_10)).as("northbound on the last day").isTrue();
        assertThat(returnsOnly.meets(DEC_8, DEC_10)).as("northbound after the period").isFalse();
        assertThat(returnsOnly.meets(DEC_3, DEC_5)).as("returns are let through").isFalse();
        assertThat(new RoutePeriod(RouteMode.SOUTHBOUND_ONLY, FROM, null).meets(DEC_10, DEC_10))
                .as("until further notice").isTrue();
    }

    @Test
    void shouldAlsoMeetSouthboundDaysWhenClosed() {
        RoutePeriod closed = new RoutePeriod(RouteMode.CLOSED, FROM, UNTIL);
        assertThat(closed.meets(DEC_3, DEC_5)).isTrue();
        assertThat(closed.meets(DEC_3, DEC_4)).isFalse();
        assertThat(closed.meets(DEC_3, DEC_10)).as("inside all through the closure: nothing to cross").isFalse();
    }

    @Test
    void shouldNeverMeetAnythingWhenOpen() {
        assertThat(new RoutePeriod(RouteMode.OPEN, FROM, null).meets(DEC_5, DEC_7)).isFalse();
    }
}
