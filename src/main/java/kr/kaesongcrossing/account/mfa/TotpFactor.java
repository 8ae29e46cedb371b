package kr.kaesongcrossing.account.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's TOTP secret; usable for sign-in once confirmed with a code from the person's app. */
@Entity
@Table(name = "totp_factor")
class TotpFactor {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    /** Plain Base32 in memory only; sealed in the column by {@link TotpSecretConverter}. */
    @Convert(converter = TotpSecretConverter.class)
    @Column(name = "secret", nullable = false, length = 255)
    private String secret;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    /** Written only by {@link TotpFactorRepository#useStep}, in one statement. */
    @Column(name = "last_used_step", insertable = true, updatable = false)
    private Long lastUsedStep;

    protected TotpFactor() {
    }

    TotpFactor(long accountId, String secret) {
        this.accountId = accountId;
        this.secret = secret;
    }

    long getAccountId() {
        return accountId;
    }

    String getSecret() {
        return secret;
    }

    boolean isConfirmed() {
        return confirmedAt != null;
    }

    void confirm(Instant now) {
        if (confirmedAt == null) {
            confirmedAt = now;
        }
    }
}
