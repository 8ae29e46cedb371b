package kr.kaesongcrossing.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kr.kaesongcrossing.account.mfa.SecondFactors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test data for every module: real accounts in the test database, each with a unique email.
 * {@code @Autowired TestAccounts accounts; AccountPrincipal officer = accounts.create(Role.OFFICER);} then
 * {@code mockMvc.perform(get("/review").with(signedIn(officer)))}. All share the password {@link #PASSWORD}.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "quiet river under old bridges";
    /** Every staff account is created with its second factor set up with this TOTP secret... */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /** ...and these recovery codes (each good once per account). */
    public static final List<String> RECOVERY_CODES = List.of("aaaaa-bbbbb", "ccccc-ddddd", "eeeee-fffff",
            "ggggg-hhhhh", "jjjjj-kkkkk", "mmmmm-nnnnn", "ppppp-qqqqq", "rrrrr-sssss", "ttttt-uuuuu", "vvvvv-wwwww");
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final UserAccountRepository accounts;
    private final SecondFactors secondFactors;
    private final Clock clock;

    TestAccounts(UserAccountRepository accounts, SecondFactors secondFactors, Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    public AccountPrincipal create(Role role) {
        return create(role, "ko");
    }

    @Transactional
    public AccountPrincipal create(Role role, String language) {
        String name = role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT) + " Test";
        return create(role, language, name);
    }

    /** An account with a given display name, for tests that look for the name on a page or in a mail. */
    @Transactional
    public AccountPrincipal create(Role role, String language, String displayName) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@test.example";
        AccountPrincipal created = accounts.save(new UserAccount(email, displayName, HASH, role, language,
                clock.instant())).toPrincipal();
        if (role.isStaff()) {
            secondFactors.enrolKnown(created.id(), TOTP_SECRET, RECOVERY_CODES);
        }
        return created;
    }

    /** A staff account whose second factor is not set up yet: its first sign-in leads to enrolment. */
    @Transactional
    public AccountPrincipal createNotEnrolled(Role role) {
        AccountPrincipal created = create(role);
        secondFactors.reset(created.id());
        return created;
    }

    /** Gives an existing account {@code role} and enables it, through the entity as an administrator would. */
    @Transactional
    public AccountPrincipal grant(String email, Role role) {
        UserAccount account = accounts.findByEmailIgnoreCase(email).orElseThrow();
        if (account.getRole() != role) {
            account.changeRole(role);
        }
        if (!account.isEnabled()) {
            account.enable();
        }
        return account.toPrincipal();
    }

    /** Fresh state of an account, as stored. */
    @Transactional(readOnly = true)
    public Optional<Snapshot> find(String email) {
        return accounts.findByEmailIgnoreCase(email).map(a -> new Snapshot(a.getId(), a.getEmail(), a.getRole(),
                a.getLanguage(), a.isEnabled(), a.getFailedLogins(), a.getLockedUntil() != null,
                a.getPasswordHash()));
    }

    public record Snapshot(long id, String email, Role role, String language, boolean enabled, int failedLogins,
            boolean lockSet, String passwordHash) {
    }
}
