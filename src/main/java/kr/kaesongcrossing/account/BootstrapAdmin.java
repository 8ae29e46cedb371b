package kr.kaesongcrossing.account;

import java.time.Clock;
import java.util.Locale;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator from {@code KC_BOOTSTRAP_ADMIN_EMAIL} and {@code KC_BOOTSTRAP_ADMIN_PASSWORD}
 * (optional {@code KC_BOOTSTRAP_ADMIN_NAME}), only while no ADMIN account exists; otherwise it does nothing.
 * The password must meet {@link PasswordPolicy}, else start-up fails (without echoing the password).
 * Remove the variables once the administrator has logged in.
 */
@Component
@Order(1)
class BootstrapAdmin implements ApplicationRunner {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final Clock clock;
    private final String email;
    private final String password;
    private final String name;

    BootstrapAdmin(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            AuditTrail audit, Clock clock, @Value("${kc.bootstrap.admin.email:}") String email,
            @Value("${kc.bootstrap.admin.password:}") String password,
            @Value("${kc.bootstrap.admin.name:}") String name) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.clock = clock;
        this.email = email.strip().toLowerCase(Locale.ROOT);
        this.password = password;
        this.name = name.strip();
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        if (email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (accounts.existsByRole(Role.ADMIN)) {
            audit.recordAs(Actor.system("bootstrap-admin"), "account.bootstrap-admin-skipped", Subject.NONE,
                    AuditTrail.Outcome.REFUSED, "reason=an-admin-exists (remove KC_BOOTSTRAP_ADMIN_* variables)");
            return;
        }
        if (email.isEmpty() || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalStateException("KC_BOOTSTRAP_ADMIN_EMAIL must be an email address");
        }
        passwordPolicy.problem(password, email).ifPresent(problem -> {
            throw new IllegalStateException("KC_BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy ("
                    + problem + "): use 12 to 128 characters that are not a common password");
        });
        if (accounts.existsByEmailIgnoreCase(email)) {
            throw new IllegalStateException("KC_BOOTSTRAP_ADMIN_EMAIL belongs to an existing account that is not an ADMIN");
        }
        String displayName = name.isEmpty() ? email.substring(0, email.indexOf('@')) : name;
        UserAccount admin = accounts.save(new UserAccount(email, displayName, passwordEncoder.encode(password),
                Role.ADMIN, "ko", clock.instant()));
        audit.recordAs(Actor.system("bootstrap-admin"), "account.created", Subject.of("account", admin.getId()),
                AuditTrail.Outcome.SUCCESS, "role=ADMIN");
    }
}
