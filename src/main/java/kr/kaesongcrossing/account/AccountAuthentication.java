package kr.kaesongcrossing.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Form login against {@code user_account}, with throttling per account and per client address. Every refusal
 * (unknown email, wrong password, locked account, blocked address, disabled account) is the same
 * {@link BadCredentialsException}, so the login page shows one message and does not tell whether an email is
 * registered; a password is checked with bcrypt in every case so the answer takes about the same time.
 * Published as the bean {@code accountAuthenticationManager}, which the web security chain uses. A sign-in
 * carries the factor authority {@code FACTOR_PASSWORD}; staff add a second factor (account.mfa).
 */
@Configuration(proxyBeanMethods = false)
class AccountAuthentication {

    private enum Outcome { SUCCESS, REFUSED }

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AddressThrottle addresses;
    private final SignInFailures failures;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String dummyHash;

    AccountAuthentication(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AddressThrottle addresses,
            SignInFailures failures, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.addresses = addresses;
        this.failures = failures;
        this.audit = audit;
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
        UserAccount account = tx.execute(status -> accounts.findByEmailIgnoreCase(email).orElse(null));
        if (account == null) {
            passwordEncoder.matches(password, dummyHash);
            audit.refused("login.failed", Subject.NONE, "reason=unknown-email");
            throw refusedFrom(address);
        }
        boolean matches = passwordEncoder.matches(password, account.getPasswordHash());
        Instant now = clock.instant();
        if (!matches) {
            failures.count(account.getId());
            audit.refused("login.failed", Subject.of("account", account.getId()), "reason=password");
            throw refusedFrom(address);
        }
        // The right password: decided on the locked row, as it is now (an administrator may just have changed it).
        AccountPrincipal[] principal = new AccountPrincipal[1];
        Outcome outcome = tx.execute(status -> {
            UserAccount current = accounts.lockById(account.getId()).orElse(null);
            if (current == null || current.isLockedAt(now)
                    || !current.getPasswordHash().equals(account.getPasswordHash())) {
                return Outcome.REFUSED;
            }
            if (!current.isEnabled()) {
                audit.refused("login.failed", Subject.of("account", current.getId()), "reason=disabled");
                return Outcome.REFUSED;
            }
            // Staff are not through yet: their failure count starts again after the second factor (SignInFailures).
            if (!current.getRole().isStaff()) {
                current.recordSuccessfulLogin();
            }
            principal[0] = current.toPrincipal();
            return Outcome.SUCCESS;
        });
        if (outcome != Outcome.SUCCESS) {
            throw refusedFrom(address);
        }
        audit.recordAs(principal[0].auditActor(), "login.password", Subject.of("account", principal[0].id()),
                AuditTrail.Outcome.SUCCESS, null);
        List<GrantedAuthority> authorities = new ArrayList<>(principal[0].getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(now).build());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                principal[0], null, authorities);
        result.setDetails(request.getDetails());
        return result;
    }

    private BadCredentialsException refusedFrom(String address) {
        addresses.recordFailure(address);
        return refused();
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("login refused");
    }
}
