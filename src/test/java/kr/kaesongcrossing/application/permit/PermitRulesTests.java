package kr.kaesongcrossing.application.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import kr.kaesongcrossing.application.model.Purpose;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.junit.jupiter.api.Test;

/** What an officer may grant and what a holder may book on it. */
class PermitRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final PermitRules rules = new PermitRules(6);

    private static PermitTerms terms(boolean north, boolean south, LocalDate from, LocalDate until) {
        return new PermitTerms(1, 2, Purpose.ECONOMIC_COOPERATION, "공장 상주 근무", north, south, from, until);
    }

    private static String refusal(Runnable check) {
        try {
            check.run();
            return "ok";
        } catch (PermitRefused e) {
            return e.getCodes()[0];
        }
    }

    @Test
    void shouldGrantUpToSixMonthsFromToday() {
        assertThat(refusal(() -> rules.checkGrant(terms(true, true, TODAY, TODAY.plusMonths(6)), true, TODAY)))
                .isEqualTo("ok");
        assertThat(refusal(() -> rules.checkGrant(terms(true, true, TODAY, TODAY.plusMonths(6).plusDays(1)), true,
                TODAY))).isEqualTo("permit.error.tooLong");
        assertThat(refusal(() -> rules.checkGrant(terms(true, true, TODAY.minusDays(1), TODAY), true, TODAY)))
                .isEqualTo("permit.error.dates");
        assertThat(refusal(() -> rules.checkGrant(terms(true, true, TODAY, TODAY.minusDays(1)), true, TODAY)))
                .isEqualTo("permit.error.dates");
    }

    @Test
    void shouldRefuseAPermitWithoutDirectionOrForSomeoneOutsideTheOrganisation() {
        assertThat(refusal(() -> rules.checkGrant(terms(false, false, TODAY, TODAY), true, TODAY)))
                .isEqualTo("permit.error.noDirection");
        assertThat(refusal(() -> rules.checkGrant(terms(true, false, TODAY, TODAY), false, TODAY)))
                .isEqualTo("permit.error.notMember");
    }

    @Test
    void shouldBookOnlyOnValidDaysInAllowedDirections() {
        StandingPermit permit = new StandingPermit(terms(true, false, TODAY, TODAY.plusMonths(1)), null, 5, null,
                Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(refusal(() -> rules.checkBooking(permit, TravelDirection.NORTHBOUND, TODAY.plusDays(3), TODAY)))
                .isEqualTo("ok");
        assertThat(refusal(() -> rules.checkBooking(permit, TravelDirection.SOUTHBOUND, TODAY.plusDays(3), TODAY)))
                .isEqualTo("permit.error.directionNotAllowed");
        assertThat(refusal(() -> rules.checkBooking(permit, TravelDirection.NORTHBOUND, TODAY.plusMonths(2), TODAY)))
                .isEqualTo("permit.error.notValidOn");
        permit.revoke("그만둠", 5, Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(refusal(() -> rules.checkBooking(permit, TravelDirection.NORTHBOUND, TODAY.plusDays(3), TODAY)))
                .as("revoked").isEqualTo("permit.error.notValidOn");
        assertThatThrownBy(() -> permit.revoke("again", 5, Instant.now())).isInstanceOf(PermitRefused.class);
    }

    @Test
    void shouldRenewFromTheDayAfterTheOldPermitEndsForTheLongestAllowed() {
        StandingPermit permit = new StandingPermit(terms(true, true, TODAY, TODAY.plusDays(20)), null, 5, null,
                Instant.parse("2026-12-01T00:00:00Z"));
        PermitTerms renewal = rules.renewalOf(permit, TODAY.plusDays(10));
        assertThat(renewal.validFrom()).isEqualTo(TODAY.plusDays(21));
        assertThat(renewal.validUntil()).isEqualTo(TODAY.plusDays(21).plusMonths(6).minusDays(1));
        assertThat(renewal.holderId()).isEqualTo(1);
        assertThat(refusal(() -> rules.checkGrant(renewal, true, TODAY.plusDays(10)))).isEqualTo("ok");
    }
}
