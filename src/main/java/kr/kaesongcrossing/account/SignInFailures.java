package kr.kaesongcrossing.account;

import java.time.Clock;
import java.time.Instant;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's sign-in failure count, shared by the password and the second factor: a staff member's right
 * password does not clear it (only a passed second factor does), so guessing codes ends in the same lock.
 */
@Component
public class SignInFailures {

    private final UserAccountRepository accounts;
    private final LoginSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    SignInFailures(UserAccountRepository accounts, LoginSettings settings, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts one failure; true when the account is locked now (by this failure or before). */
    @RetryOnWriteConflict
    @Transactional
    public boolean record(long accountId) {
        return count(accountId) || isLocked(accountId);
    }

    /** Counts one failure in one statement (parallel attempts each count); true when this one locked the account. */
    @RetryOnWriteConflict
    @Transactional
    boolean count(long accountId) {
        Instant now = clock.instant();
        boolean locked = accounts.recordFailedLogin(accountId, now, settings.maxFailuresPerAccount(),
                settings.accountLock());
        if (locked) {
            audit.refused("login.account-locked", Subject.of("account", accountId),
                    "until=" + now.plus(settings.accountLock()));
        }
        return locked;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(long accountId) {
        return accounts.findById(accountId).map(a -> a.isLockedAt(clock.instant())).orElse(true);
    }

    /** The whole sign-in passed: the count starts again. */
    @RetryOnWriteConflict
    @Transactional
    public void clear(long accountId) {
        accounts.findById(accountId).ifPresent(UserAccount::recordSuccessfulLogin);
    }
}
