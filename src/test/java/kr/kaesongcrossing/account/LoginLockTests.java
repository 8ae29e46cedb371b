package kr.kaesongcrossing.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import kr.kaesongcrossing.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timing rules of the two throttles, with a clock the test moves, on the real database (the counters are
 * UPDATE statements). Each test uses its own account and address.
 */
@SpringBootTest
@AutoConfigureMockMvc // unused here: the same Spring context as the MockMvc tests, started once per JVM
class LoginLockTests {

    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    private static final LoginSettings SETTINGS = new LoginSettings(3, Duration.ofMinutes(15), 4,
            Duration.ofMinutes(10), Duration.ofMinutes(5));

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Test
    void shouldLockAnAccountAfterRepeatedFailuresUntilTheLockRunsOut() {
        long id = testAccounts.create(Role.CIVILIAN).id();

        assertThat(fail(id, T0)).isFalse();
        assertThat(fail(id, T0)).isFalse();
        assertThat(fail(id, T0)).isTrue();
        assertThat(fail(id, T0.plus(Duration.ofMinutes(1)))).as("not counted while locked").isFalse();

        UserAccount account = accounts.findById(id).orElseThrow();
        assertThat(account.getFailedLogins()).isEqualTo(3);
        assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();

        assertThat(fail(id, T0.plus(Duration.ofMinutes(16)))).as("a fresh count after the lock").isFalse();
        assertThat(accounts.findById(id).orElseThrow().getFailedLogins()).isEqualTo(1);
    }

    @Test
    void shouldBlockAnAddressAfterTooManyFailuresInTheWindowThenLetItTryAgain() {
        MovableClock clock = new MovableClock(T0);
        AddressThrottle throttle = new AddressThrottle(jdbc, tx, audit, SETTINGS, clock);
        String address = "203.0.113." + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(address);
        }
        assertThat(throttle.isBlocked(address)).isFalse();
        throttle.recordFailure(address);
        assertThat(throttle.isBlocked(address)).isTrue();
        assertThat(throttle.isBlocked(address + "-other")).isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.isBlocked(address)).isFalse();
    }

    @Test
    void shouldStartAFreshWindowWhenFailuresAreFarApart() {
        MovableClock clock = new MovableClock(T0);
        AddressThrottle throttle = new AddressThrottle(jdbc, tx, audit, SETTINGS, clock);
        String address = "203.0.113." + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(address);
        }
        clock.advance(Duration.ofMinutes(11));
        throttle.recordFailure(address);

        assertThat(throttle.isBlocked(address)).isFalse();
    }

    private boolean fail(long id, Instant now) {
        return Boolean.TRUE.equals(tx.execute(status -> accounts.recordFailedLogin(id, now,
                SETTINGS.maxFailuresPerAccount(), SETTINGS.accountLock())));
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
