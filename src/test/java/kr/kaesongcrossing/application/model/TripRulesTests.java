package kr.kaesongcrossing.application.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TripRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    final TripRules rules = new TripRules(3, 30);

    @Test
    void shouldAcceptEntryExactlyTheMinimumNumberOfDaysAhead() {
        assertThat(rules.check(null, TODAY.plusDays(3), TODAY.plusDays(3), TODAY)).isEmpty();
    }

    @Test
    void shouldRefuseEntryTooSoonAndSayTheEarliestDate() {
        assertThat(rules.check(null, TODAY.plusDays(2), TODAY.plusDays(4), TODAY)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("entryDate");
            assertThat(v.code()).isEqualTo("application.error.entryDate.tooSoon");
            assertThat(v.args()).containsExactly(3, "2026-11-23");
        });
    }

    @Test
    void shouldRefuseAReturnBeforeTheEntry() {
        assertThat(rules.check(null, TODAY.plusDays(10), TODAY.plusDays(9), TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.returnDate.beforeEntry");
    }

    @Test
    void shouldCountTheStayIncludingBothDays() {
        LocalDate entry = TODAY.plusDays(10);
        assertThat(TripRules.stayDays(entry, entry)).isEqualTo(1);
        assertThat(rules.check(null, entry, entry.plusDays(29), TODAY)).isEmpty();
        assertThat(rules.check(null, entry, entry.plusDays(30), TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.returnDate.tooLong");
    }

    @Test
    void shouldFollowTheConfiguredSettings() {
        TripRules strict = new TripRules(7, 5);
        assertThat(strict.check(null, TODAY.plusDays(6), TODAY.plusDays(6), TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.entryDate.tooSoon");
        assertThat(strict.check(null, TODAY.plusDays(7), TODAY.plusDays(12), TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.returnDate.tooLong");
    }

    @Test
    void shouldRequireADateOfBirthInThePast() {
        assertThat(rules.check(TODAY, null, null, TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.dateOfBirth.past");
        assertThat(rules.check(LocalDate.of(1899, 12, 31), null, null, TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.dateOfBirth.tooOld");
        assertThat(rules.check(TODAY.minusDays(1), null, null, TODAY)).isEmpty();
    }

    @Test
    void shouldRefuseEntryMoreThanAYearAhead() {
        assertThat(rules.check(null, TODAY.plusDays(366), null, TODAY))
                .extracting(TripRules.Violation::code).containsExactly("application.error.entryDate.tooFar");
    }
}
