package kr.kaesongcrossing.account;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about accounts. */
@Service
public class Accounts {

    /** How to reach a person, e.g. to mail them in their language. */
    public record Contact(long id, String email, String displayName, String language) {
    }

    private final UserAccountRepository accounts;

    Accounts(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(long accountId) {
        return accounts.findById(accountId)
                .map(a -> new Contact(a.getId(), a.getEmail(), a.getDisplayName(), a.getLanguage()));
    }
}
