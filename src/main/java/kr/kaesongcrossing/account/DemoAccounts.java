package kr.kaesongcrossing.account;

import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo mode only: one account per role, all with the password shown on the login page. */
@Component
@Order(0)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "kaesong-demo-2026";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        create("civilian@demo.test", "김민준", Role.CIVILIAN);
        create("officer@demo.test", "이서연", Role.OFFICER);
        create("checkpoint@demo.test", "박지훈", Role.CHECKPOINT);
        create("supervisor@demo.test", "한서윤", Role.SUPERVISOR);
        create("admin@demo.test", "최유진", Role.ADMIN);
    }

    private void create(String email, String name, Role role) {
        if (!accounts.existsByEmailIgnoreCase(email)) {
            accounts.save(new UserAccount(email, name, passwordEncoder.encode(PASSWORD), role, "ko", clock.instant()));
        }
    }
}
