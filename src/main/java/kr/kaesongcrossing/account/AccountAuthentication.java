package kr.kaesongcrossing.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Form login against {@code user_account}, with throttling per account and per client address. Every refusal
 * (unknown email, wrong password, locked account, blocked address, disabled account) is the same
 * {@link BadCredentialsException}, so the login page shows one message and does not tell whether an email is
 * registered; a password is checked with bcrypt in every case so the answer takes about the same time.
 * Published as the bean {@code accountAuthenticationManager}, which the web security chain uses.
 */
@Configuration(proxyBeanMethods = false)
class AccountAuthentication {

    private static final Logger AUDIT = LoggerFactory.getLogger("kr.kaesongcrossing.audit");

    private enum Outcome { SUCCESS, REFUSED }

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AddressThrottle addresses;
    private final LoginSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String dummyHash;

    AccountAuthentication(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AddressThrottle addresses,
            LoginSettings settings, TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.addresses = addresses;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("not a password of anyone " + System.nanoTime());
    }

    @Bean
    AuthenticationManager accountAuthenticationManager() {
        return this::authenticate;
    }

    Authentication authenticate(Authentication request) throws AuthenticationException {
        String email = request.getName() == null ? "" : request.getName().strip().toLowerCase(Locale.ROOT);
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;

        if (addresses.isBlocked(address)) {
            passwordEncoder.matches(password, dummyHash);
            throw refused();
        }
        AccountPrincipal[] principal = new AccountPrincipal[1];
        Outcome outcome = tx.execute(status -> {
            Instant now = clock.instant();
            UserAccount account = accounts.findByEmailIgnoreCase(email).orElse(null);
            if (account == null) {
                passwordEncoder.matches(password, dummyHash);
                return Outcome.REFUSED;
            }
            boolean matches = passwordEncoder.matches(password, account.getPasswordHash());
            if (account.isLockedAt(now)) {
                return Outcome.REFUSED;
            }
            if (!matches) {
                if (account.recordFailedLogin(now, settings.maxFailuresPerAccount(), settings.accountLock())) {
                    AUDIT.warn("login.account-locked account={} until={}", account.getId(), account.getLockedUntil());
                }
                return Outcome.REFUSED;
            }
            if (!account.isEnabled()) {
                AUDIT.info("login.refused-disabled account={}", account.getId());
                return Outcome.REFUSED;
            }
            account.recordSuccessfulLogin();
            principal[0] = account.toPrincipal();
            return Outcome.SUCCESS;
        });
        if (outcome != Outcome.SUCCESS) {
            addresses.recordFailure(address);
            throw refused();
        }
        AUDIT.info("login.success account={}", principal[0].id());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                principal[0], null, principal[0].getAuthorities());
        result.setDetails(request.getDetails());
        return result;
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("login refused");
    }
}
