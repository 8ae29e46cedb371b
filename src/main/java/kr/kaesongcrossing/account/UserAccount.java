package kr.kaesongcrossing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserAccount() {
    }

    UserAccount(String email, String displayName, String passwordHash, Role role, String language, Instant now) {
        if (!Languages.isSupported(language)) {
            throw new IllegalArgumentException("unsupported language");
        }
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.language = language;
        this.enabled = true;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    String getLanguage() {
        return language;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getFailedLogins() {
        return failedLogins;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void changeLanguage(String language) {
        if (!Languages.isSupported(language)) {
            throw new IllegalArgumentException("unsupported language");
        }
        this.language = language;
    }

    /**
     * True while a lock lasts. Failures are counted and the lock set by single UPDATE statements
     * ({@link UserAccountRepository#countFailedLogin}), never by writing back a row read earlier.
     */
    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void changeRole(Role newRole) {
        if (newRole == null) {
            throw new IllegalArgumentException("role required");
        }
        if (newRole == role) {
            throw new AccountChangeRefused("admin.users.refused.sameRole");
        }
        this.role = newRole;
    }

    void disable() {
        if (!enabled) {
            throw new AccountChangeRefused("admin.users.refused.alreadyDisabled");
        }
        this.enabled = false;
    }

    /** Enabling also lifts a login lock, so an administrator can let a locked-out person in again. */
    void enable() {
        if (enabled) {
            throw new AccountChangeRefused("admin.users.refused.alreadyEnabled");
        }
        this.enabled = true;
        recordSuccessfulLogin();
    }

    /** A new password (already checked against the policy and hashed); a login lock no longer applies. */
    void changePassword(String newHash) {
        if (newHash == null || newHash.isBlank()) {
            throw new IllegalArgumentException("password hash required");
        }
        this.passwordHash = newHash;
        recordSuccessfulLogin();
    }

    /** The session principal: never carries the password hash. */
    AccountPrincipal toPrincipal() {
        return new AccountPrincipal(id, email, displayName, null, role, language, enabled);
    }
}
