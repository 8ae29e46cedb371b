package kr.kaesongcrossing.account;

import java.time.Clock;
import java.util.Locale;
import kr.kaesongcrossing.account.mfa.SecondFactors;
import kr.kaesongcrossing.account.mfa.SecondFactorsReset;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with accounts. Each change is recorded in the audit trail, in its transaction, with the
 * changed account as the subject (never passwords). Removing someone's access (disable, role
 * change) ends their sessions after commit. An administrator cannot lock themselves out, and the last enabled
 * administrator stays one.
 */
@Service
class UserAdministration {

    static final int PAGE_SIZE = 20;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final AccountSessions sessions;
    private final SecondFactors secondFactors;
    private final AuditTrail audit;
    private final Clock clock;

    UserAdministration(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, AccountSessions sessions, SecondFactors secondFactors, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page (0-based) of accounts, by email. */
    @Transactional(readOnly = true)
    Page<UserRow> page(int pageIndex) {
        return accounts.findAllByOrderByEmailAsc(PageRequest.of(Math.max(0, pageIndex), PAGE_SIZE))
                .map(a -> UserRow.of(a, clock.instant()));
    }

    /** Creates a staff account; the caller has validated the form (including the password policy). */
    @RetryOnWriteConflict
    @Transactional
    long createStaff(long actorId, StaffAccountForm form) {
        Role role = Role.valueOf(form.role());
        if (role == Role.CIVILIAN) {
            throw new AccountChangeRefused("admin.users.refused.notStaff");
        }
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        if (accounts.existsByEmailIgnoreCase(email)) {
            throw new AccountChangeRefused("register.email.taken");
        }
        UserAccount account = accounts.save(new UserAccount(email, form.displayName().strip(),
                passwordEncoder.encode(form.password()), role, form.language(), clock.instant()));
        audit.record("account.created", Subject.of("account", account.getId()), "role=" + role);
        return account.getId();
    }

    @RetryOnWriteConflict
    @Transactional
    void changeRole(long actorId, long accountId, Role role) {
        UserAccount account = find(accountId);
        if (account.getRole() == Role.ADMIN && role != Role.ADMIN) {
            refuseSelfOrLastAdmin(actorId, account);
        }
        Role before = account.getRole();
        account.changeRole(role);
        audit.record("account.role-changed", Subject.of("account", accountId), "from=" + before + " to=" + role);
        events.publishEvent(new AccountSessions.AccessChanged(accountId, account.getEmail()));
    }

    @RetryOnWriteConflict
    @Transactional
    void disable(long actorId, long accountId) {
        UserAccount account = find(accountId);
        if (account.getRole() == Role.ADMIN) {
            refuseSelfOrLastAdmin(actorId, account);
        }
        account.disable();
        audit.record("account.disabled", Subject.of("account", accountId), null);
        events.publishEvent(new AccountSessions.AccessChanged(accountId, account.getEmail()));
    }

    @RetryOnWriteConflict
    @Transactional
    void enable(long actorId, long accountId) {
        UserAccount account = find(accountId);
        account.enable();
        audit.record("account.enabled", Subject.of("account", accountId), null);
    }

    /**
     * Removes the account's second factors and recovery codes (a lost phone) and ends its sessions: the person
     * enrols again at the next sign-in.
     */
    @RetryOnWriteConflict
    @Transactional
    void resetSecondFactors(long actorId, long accountId) {
        UserAccount account = find(accountId);
        secondFactors.reset(accountId);
        audit.record("account.second-factors-reset", Subject.of("account", accountId), null);
        events.publishEvent(new SecondFactorsReset(accountId));
        events.publishEvent(new AccountSessions.AccessChanged(accountId, account.getEmail()));
    }

    /** Signs the person out everywhere (e.g. a lost phone); the account stays as it is. */
    void endSessions(long actorId, long accountId) {
        int ended = sessions.endAll(find(accountId).getEmail());
        audit.record("account.sessions-ended", Subject.of("account", accountId), "sessions=" + ended);
    }

    private void refuseSelfOrLastAdmin(long actorId, UserAccount account) {
        if (account.getId() == actorId) {
            throw new AccountChangeRefused("admin.users.refused.self");
        }
        if (account.isEnabled() && accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new AccountChangeRefused("admin.users.refused.lastAdmin");
        }
    }

    private UserAccount find(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new AccountChangeRefused("admin.users.refused.notFound"));
    }

    /** An account as the user list shows it. */
    record UserRow(long id, String email, String displayName, Role role, String language, boolean enabled,
            boolean locked, java.time.LocalDate createdOn) {

        static UserRow of(UserAccount a, java.time.Instant now) {
            return new UserRow(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.getLanguage(),
                    a.isEnabled(), a.isLockedAt(now), OfficeTime.dateOf(a.getCreatedAt()));
        }
    }
}
