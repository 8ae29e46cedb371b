package kr.kaesongcrossing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A mailed password reset link: its token's SHA-256 (never the token), good once until it expires. */
@Entity
@Table(name = "password_reset")
class PasswordResetLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetLink() {
    }

    PasswordResetLink(long accountId, String tokenHash, Instant now, Duration validity) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(validity);
    }

    Long getId() {
        return id;
    }

    long getAccountId() {
        return accountId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Spends the link; refused when it was used already or has expired. */
    void use(Instant now) {
        if (!isUsableAt(now)) {
            throw new AccountChangeRefused("password.reset.invalid");
        }
        this.usedAt = now;
    }
}
