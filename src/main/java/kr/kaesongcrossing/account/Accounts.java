package kr.kaesongcrossing.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.account.mfa.SecondFactors;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about accounts. */
@Service
public class Accounts {

    /** How to reach a person, e.g. to mail them in their language. */
    public record Contact(long id, String email, String displayName, String language) {
    }

    private final UserAccountRepository accounts;
    private final SecondFactors secondFactors;
    private final SignInFailures failures;
    private final AuditTrail audit;
    private final Clock clock;

    Accounts(UserAccountRepository accounts, SecondFactors secondFactors, SignInFailures failures, AuditTrail audit,
            Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.failures = failures;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The session principal for a sign-in whose factors were checked elsewhere (a passkey with user verification,
     * account.mfa): decided on the locked row like a password sign-in, so a disabled or locked account gets none.
     * The whole sign-in passed, so its failure count starts again.
     */
    @RetryOnWriteConflict
    @Transactional
    public Optional<AccountPrincipal> signInVerified(String email) {
        UserAccount account = accounts.findIdByEmail(email).flatMap(accounts::lockById)
                .orElse(null);
        if (account == null || account.isLockedAt(clock.instant())) {
            return Optional.empty();
        }
        if (!account.isEnabled()) {
            audit.refused("login.failed", Subject.of("account", account.getId()), "reason=disabled");
            return Optional.empty();
        }
        account.recordSuccessfulLogin();
        return Optional.of(account.toPrincipal());
    }

    /**
     * A fresh second factor of a staff member who is not the one signed in (a supervisor confirming an override at
     * a lane): a current authenticator or recovery code, good once. A wrong one counts toward the account's lock.
     */
    public boolean confirmsSecondFactor(long accountId, String code) {
        if (code != null && code.length() <= 40 && secondFactors.verify(accountId, code)) {
            failures.clear(accountId);
            return true;
        }
        failures.record(accountId);
        return false;
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(long accountId) {
        return accounts.findById(accountId)
                .map(a -> new Contact(a.getId(), a.getEmail(), a.getDisplayName(), a.getLanguage()));
    }

    /** Several people's contact details at once, by id; ids without an account are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Contact> contacts(Collection<Long> accountIds) {
        return accounts.findAllById(accountIds).stream()
                .map(a -> new Contact(a.getId(), a.getEmail(), a.getDisplayName(), a.getLanguage()))
                .collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    /** An enabled applicant's account by email (any case), e.g. one an administrator names by their address. */
    @Transactional(readOnly = true)
    public Optional<Contact> civilian(String email) {
        return accounts.findByEmailIgnoreCase(email.strip())
                .filter(a -> a.isEnabled() && a.getRole() == Role.CIVILIAN)
                .map(a -> new Contact(a.getId(), a.getEmail(), a.getDisplayName(), a.getLanguage()));
    }
}
