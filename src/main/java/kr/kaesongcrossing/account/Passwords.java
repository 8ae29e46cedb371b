package kr.kaesongcrossing.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing and resetting passwords (the caller has checked the new password against {@link PasswordPolicy}).
 * A change needs the current password and ends the account's other sessions; a reset needs a mailed link that
 * is good once for {@link PasswordResetSettings#linkValidity()} and ends all sessions. Asking for a link answers
 * the same whether or not the email belongs to an account, so the answer tells nobody who has one. Audit lines
 * carry account ids only, never an email or a token.
 */
@Service
class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Spent and expired links are kept this long for the record, then deleted. */
    private static final Duration KEEP_SPENT = Duration.ofDays(30);

    private final UserAccountRepository accounts;
    private final PasswordResetLinkRepository links;
    private final PasswordEncoder encoder;
    private final RequestQuota quota;
    private final PasswordResetSettings settings;
    private final LoginSettings login;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Passwords(UserAccountRepository accounts, PasswordResetLinkRepository links, PasswordEncoder encoder,
            RequestQuota quota, PasswordResetSettings settings, LoginSettings login, ApplicationEventPublisher events,
            AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.encoder = encoder;
        this.quota = quota;
        this.settings = settings;
        this.login = login;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Sets a new password when {@code current} is right; the session {@code keptSessionId} stays signed in. A wrong
     * current password counts as a failed sign-in (a stolen session cannot guess on without locking the account),
     * and a locked account's password is not changed.
     */
    void change(long accountId, String current, String newPassword, String keptSessionId) {
        boolean changed = Boolean.TRUE.equals(tx.execute(status -> {
            UserAccount account = accounts.lockById(accountId).orElse(null);
            if (account == null || account.isLockedAt(clock.instant()) || current == null
                    || !encoder.matches(current, account.getPasswordHash())) {
                return false;
            }
            account.changePassword(encoder.encode(newPassword));
            links.spendAll(accountId, clock.instant());
            audit.record("password.changed", Subject.of("account", accountId), null);
            events.publishEvent(new AccountSessions.PasswordChanged(accountId, account.getEmail(), keptSessionId));
            return true;
        }));
        if (!changed) {
            Instant now = clock.instant();
            tx.executeWithoutResult(status -> {
                boolean locked = accounts.recordFailedLogin(accountId, now, login.maxFailuresPerAccount(),
                        login.accountLock());
                audit.refused("password.changed", Subject.of("account", accountId), "locked=" + locked);
            });
            throw new AccountChangeRefused("password.change.wrongCurrent");
        }
    }

    /**
     * Mails a reset link when {@code email} is an enabled account's and neither the client address nor the email
     * has asked too often; otherwise nothing happens. The caller answers the same in every case.
     */
    void requestReset(String email, String clientAddress) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        // Counted outside the link's transaction, so no request holds the quota rows while it works.
        if (!quota.take("reset-address:" + AddressThrottle.key(clientAddress), settings.maxPerAddress(),
                settings.window())
                || !quota.take("reset-email:" + Sha256.hex(normalized), settings.maxPerEmail(), settings.window())) {
            audit.refused("password.reset-requested", Subject.NONE, "reason=throttled");
            return;
        }
        tx.executeWithoutResult(status -> mailLink(normalized));
    }

    private void mailLink(String normalized) {
        Instant now = clock.instant();
        links.deleteExpiredBefore(now.minus(KEEP_SPENT));
        Optional<UserAccount> account = accounts.findByEmailIgnoreCase(normalized).filter(UserAccount::isEnabled);
        if (account.isEmpty()) {
            return;
        }
        String token = newToken();
        PasswordResetLink link = links.save(new PasswordResetLink(account.get().getId(), Sha256.hex(token), now,
                settings.linkValidity()));
        audit.record("password.reset-requested", Subject.of("account", link.getAccountId()), null);
        events.publishEvent(new PasswordResetRequested(link.getAccountId(), link.getId(), token, link.getExpiresAt()));
    }

    /** The email of the account a usable link resets (for the password policy); empty for any other token. */
    @Transactional(readOnly = true)
    Optional<String> resetFor(String token) {
        if (!looksLikeToken(token)) {
            return Optional.empty();
        }
        return links.findByTokenHash(Sha256.hex(token)).filter(l -> l.isUsableAt(clock.instant()))
                .flatMap(l -> accounts.findById(l.getAccountId())).filter(UserAccount::isEnabled)
                .map(UserAccount::getEmail);
    }

    /** Sets the new password with the link, which is spent; every session of the account ends. */
    @RetryOnWriteConflict
    @Transactional
    void reset(String token, String newPassword) {
        PasswordResetLink link = Optional.ofNullable(token).filter(Passwords::looksLikeToken)
                .flatMap(t -> links.lockByTokenHash(Sha256.hex(t)))
                .orElseThrow(() -> new AccountChangeRefused("password.reset.invalid"));
        Instant now = clock.instant();
        link.use(now);
        UserAccount account = accounts.lockById(link.getAccountId()).filter(UserAccount::isEnabled)
                .orElseThrow(() -> new AccountChangeRefused("password.reset.invalid"));
        account.changePassword(encoder.encode(newPassword));
        links.spendAll(account.getId(), now);
        audit.record("password.reset", Subject.of("account", account.getId()), null);
        events.publishEvent(new AccountSessions.AccessChanged(account.getId(), account.getEmail()));
    }

    /** 32 random bytes, URL-safe: 43 characters. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean looksLikeToken(String token) {
        return token != null && token.length() == 43
                && token.chars().allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }
}
