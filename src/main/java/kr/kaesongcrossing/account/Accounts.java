package kr.kaesongcrossing.account;

import java.util.Optional;
import kr.kaesongcrossing.account.mfa.SecondFactors;
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

    Accounts(UserAccountRepository accounts, SecondFactors secondFactors, SignInFailures failures) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.failures = failures;
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
}
