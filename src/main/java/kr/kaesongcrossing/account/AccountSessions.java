package kr.kaesongcrossing.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every session of an account once a change that takes its access away (disabled, role changed) is
 * committed. Sessions live in the database (Spring Session JDBC), indexed by principal name = email, so this
 * also logs the person out on every other application instance.
 */
@Component
class AccountSessions {

    /** Published inside the transaction that changed the account. */
    record AccessChanged(long accountId, String email) {
    }

    private final FindByIndexNameSessionRepository<?> sessions;

    AccountSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccessChanged changed) {
        endAll(changed.email());
    }

    int endAll(String email) {
        var ids = sessions.findByPrincipalName(email).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
