package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The timing rules of the two throttles, with a clock the test moves. */
class LoginLockTests {

    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    private static final LoginSettings SETTINGS = new LoginSettings(3, Duration.ofMinutes(15), 4,
            Duration.ofMinutes(10), Duration.ofMinutes(5));

    @Test
    void shouldLockAnAccountAfterRepeatedFailuresUntilTheLockRunsOut() {
        UserAccount account = new UserAccount("lock@test.example", "Lock", "hash", Role.CIVILIAN, "ko", T0);

        assertThat(account.recordFailedLogin(T0, 3, SETTINGS.accountLock())).isFalse();
        assertThat(account.recordFailedLogin(T0, 3, SETTINGS.accountLock())).isFalse();
        assertThat(account.recordFailedLogin(T0, 3, SETTINGS.accountLock())).isTrue();

        assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void shouldForgetFailuresAfterASuccessfulLogin() {
        UserAccount account = new UserAccount("reset@test.example", "Reset", "hash", Role.CIVILIAN, "ko", T0);
        account.recordFailedLogin(T0, 3, SETTINGS.accountLock());
        account.recordFailedLogin(T0, 3, SETTINGS.accountLock());

        account.recordSuccessfulLogin();

        assertThat(account.recordFailedLogin(T0, 3, SETTINGS.accountLock())).isFalse();
        assertThat(account.getFailedLogins()).isEqualTo(1);
    }

    @Test
    void shouldBlockAnAddressAfterTooManyFailuresInTheWindowThenLetItTryAgain() {
        MovableClock clock = new MovableClock(T0);
        AddressThrottle throttle = new AddressThrottle(SETTINGS, clock);

        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("203.0.113.7");
        }
        assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
        throttle.recordFailure("203.0.113.7");
        assertThat(throttle.isBlocked("203.0.113.7")).isTrue();
        assertThat(throttle.isBlocked("203.0.113.8")).isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.isBlocked("203.0.113.7")).isFalse();
    }

    @Test
    void shouldStartAFreshWindowWhenFailuresAreFarApart() {
        MovableClock clock = new MovableClock(T0);
        AddressThrottle throttle = new AddressThrottle(SETTINGS, clock);

        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("203.0.113.9");
        }
        clock.advance(Duration.ofMinutes(11));
        throttle.recordFailure("203.0.113.9");

        assertThat(throttle.isBlocked("203.0.113.9")).isFalse();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
