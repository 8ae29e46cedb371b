package kr.kaesongcrossing.account;

import java.time.Clock;
import java.util.List;
import kr.kaesongcrossing.account.mfa.SecondFactors;
import kr.kaesongcrossing.account.mfa.Totp;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: one account per role, and the travel coordinators of the demo working day's organisations (they
 * applied for their staff), all with the password shown on the login page; the staff accounts come with their
 * second factor set up with {@link Totp#DEMO_SECRET}, whose current code the login page shows.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "kaesong-demo-2026";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final SecondFactors secondFactors;
    private final Clock clock;

    DemoAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, SecondFactors secondFactors,
            Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        // one hash for all: the password hash is slow on purpose, and start-up pays it once
        String hash = passwordEncoder.encode(PASSWORD);
        create("civilian@demo.test", "김민준", Role.CIVILIAN, hash);
        create("officer@demo.test", "이서연", Role.OFFICER, hash);
        create("checkpoint@demo.test", "박지훈", Role.CHECKPOINT, hash);
        create("supervisor@demo.test", "한서윤", Role.SUPERVISOR, hash);
        create("admin@demo.test", "최유진", Role.ADMIN, hash);
        for (int i = 1; i <= COORDINATORS.length; i++) {
            create("coordinator" + i + "@demo.test", COORDINATORS[i - 1], Role.CIVILIAN, hash);
        }
        create("coordinator@demo.test", "오지호", Role.CIVILIAN, hash); // the demo company's (organisation module)
    }

    /** The travel coordinators of the demo organisations, in the order of the demo working day's. */
    private static final String[] COORDINATORS = {"정하은", "강도윤", "윤서진", "임채원"};

    private void create(String email, String name, Role role, String hash) {
        if (!accounts.existsByEmailIgnoreCase(email)) {
            UserAccount account = accounts.save(new UserAccount(email, name, hash, role, "ko", clock.instant()));
            if (role.isStaff()) {
                secondFactors.enrolKnown(account.getId(), Totp.DEMO_SECRET, List.of());
            }
        }
    }
}
