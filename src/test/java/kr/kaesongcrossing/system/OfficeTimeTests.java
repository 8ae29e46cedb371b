package kr.kaesongcrossing.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OfficeTimeTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Test
    void shouldStartATripDayAtMidnightKstWhichIsThreePmUtcTheDayBefore() {
        assertThat(OfficeTime.startOfDay(DAY)).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
    }

    @Test
    void shouldEndATripDayExclusivelyAtMidnightKstOfTheNextDay() {
        assertThat(OfficeTime.endOfDay(DAY)).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"))
                .isEqualTo(OfficeTime.startOfDay(DAY.plusDays(1)));
    }

    @Test
    void shouldShowAnExclusiveEndAsTheLastValidMinuteOfTheDayBefore() {
        assertThat(OfficeTime.lastValidMinute(OfficeTime.endOfDay(DAY))).isEqualTo("2026-12-04 23:59");
        assertThat(OfficeTime.lastValidMinute(null)).isEmpty();
    }

    @Test
    void shouldFormatMinutesAndSecondsInKst() {
        Instant instant = Instant.parse("2026-12-04T15:04:05Z");
        assertThat(OfficeTime.minutes(instant)).isEqualTo("2026-12-05 00:04");
        assertThat(OfficeTime.seconds(instant)).isEqualTo("2026-12-05 00:04:05");
        assertThat(OfficeTime.minutes(null)).isEmpty();
        assertThat(OfficeTime.seconds(null)).isEmpty();
    }

    @Test
    void shouldTakeTodayAndDatesFromSeoulWhateverTheClocksZone() {
        Instant lateUtcEvening = Instant.parse("2026-12-04T15:00:00Z");
        assertThat(OfficeTime.today(Clock.fixed(lateUtcEvening, ZoneOffset.UTC))).isEqualTo(DAY.plusDays(1));
        assertThat(OfficeTime.dateOf(lateUtcEvening.minusSeconds(1))).isEqualTo(DAY);
    }

    @Test
    void shouldTakeADayThatHasBegunAndNothingElse() {
        assertThat(OfficeTime.dayUpTo(" 2026-12-04 ", DAY)).contains(DAY);
        assertThat(OfficeTime.dayUpTo("2026-12-03", DAY)).contains(DAY.minusDays(1));
        assertThat(OfficeTime.dayUpTo("2026-12-05", DAY)).isEmpty();
        assertThat(OfficeTime.dayUpTo("2026-13-01", DAY)).isEmpty();
        assertThat(OfficeTime.dayUpTo("어제", DAY)).isEmpty();
    }
}
