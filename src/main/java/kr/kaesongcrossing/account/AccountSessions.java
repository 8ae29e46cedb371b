package kr.kaesongcrossing.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The sessions of an account. Sessions live in the database (Spring Session JDBC), indexed by principal name =
 * email, so ending them here logs the person out on every application instance. Ends every session once a change
 * that takes access away (disabled, role changed, password reset) is committed, and every other one once the
 * person changed their password. A session is named on pages by a {@link #handle} (a hash of its id), never by its
 * id: the id is the secret in the session cookie.
 */
@Component
class AccountSessions {

    /** Session attribute: the browser and system the session was signed in from (see {@link BrowserSummary}). */
    static final String BROWSER = "kc.browser";

    /** Published inside the transaction that changed the account: all its sessions end after commit. */
    record AccessChanged(long accountId, String email) {
    }

    /** Published inside the transaction that changed the password: the account's other sessions end after commit. */
    record PasswordChanged(long accountId, String email, String keptSessionId) {
    }

    /** A session as its owner sees it on "My sessions". */
    record ActiveSession(String handle, Instant signedInAt, Instant lastActive, String browser, boolean current) {

        /** KST, to the minute, as the page shows it. */
        public String signedInShown() {
            return OfficeTime.minutes(signedInAt);
        }

        public String lastActiveShown() {
            return OfficeTime.minutes(lastActive);
        }
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccessChanged changed) {
        endAll(changed.email());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PasswordChanged changed) {
        endAllBut(changed.email(), changed.keptSessionId());
    }

    /** The account's sessions, most recently active first. */
    List<ActiveSession> of(String email, String currentSessionId) {
        return of(email).entrySet().stream()
                .map(e -> new ActiveSession(handle(e.getKey()), e.getValue().getCreationTime(),
                        e.getValue().getLastAccessedTime(), e.getValue().getAttribute(BROWSER),
                        e.getKey().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::lastActive).reversed())
                .toList();
    }

    /** Ends the account's session with that handle; false when the account has none such (any more). */
    boolean end(String email, String handle) {
        for (String id : of(email).keySet()) {
            if (Sha256.same(handle(id), handle)) {
                sessions.deleteById(id);
                return true;
            }
        }
        return false;
    }

    int endAll(String email) {
        return endAllBut(email, null);
    }

    /** Ends every session of the account except {@code keptSessionId} (null: all); answers how many ended. */
    int endAllBut(String email, String keptSessionId) {
        List<String> ids = of(email).keySet().stream().filter(id -> !id.equals(keptSessionId)).toList();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }

    private Map<String, ? extends Session> of(String email) {
        return sessions.findByPrincipalName(email);
    }

    /** Names a session without giving its id away (the id signs the person in). */
    static String handle(String sessionId) {
        return Sha256.hex(sessionId).substring(0, 24);
    }
}
