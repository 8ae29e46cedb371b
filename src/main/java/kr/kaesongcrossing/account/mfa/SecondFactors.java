package kr.kaesongcrossing.account.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.kaesongcrossing.account.Sha256;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's second factors: the TOTP secret (enrolment, then codes, each good once, one step of clock
 * drift either way), passkeys ({@link Passkeys}, kept by Spring's repositories) and the ten recovery codes.
 */
@Service
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TotpFactorRepository totp;
    private final RecoveryCodeRepository recovery;
    private final PasskeyStore passkeys;
    private final Clock clock;

    SecondFactors(TotpFactorRepository totp, RecoveryCodeRepository recovery, PasskeyStore passkeys, Clock clock) {
        this.totp = totp;
        this.recovery = recovery;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    /** An authenticator app confirmed, or a passkey registered. */
    @Transactional(readOnly = true)
    public boolean isEnrolled(long accountId) {
        return hasTotp(accountId) || passkeys.count(accountId) > 0;
    }

    @Transactional(readOnly = true)
    boolean hasTotp(long accountId) {
        return totp.findById(accountId).filter(TotpFactor::isConfirmed).isPresent();
    }

    /**
     * The recovery codes of an account that enrolled with a passkey, once: none when it has recovery codes already
     * (an authenticator app or an earlier passkey gave them) or no passkey.
     */
    @RetryOnWriteConflict
    @Transactional
    List<String> recoveryCodesForPasskey(long accountId) {
        if (recovery.countByAccountId(accountId) > 0 || passkeys.count(accountId) == 0) {
            return List.of();
        }
        return newRecoveryCodes(accountId);
    }

    /** The secret being enrolled: the one shown before (a reload shows the same QR) or a new one. */
    @RetryOnWriteConflict
    @Transactional
    String pendingSecret(long accountId) {
        TotpFactor factor = totp.findById(accountId).orElseGet(() -> totp.save(
                new TotpFactor(accountId, Totp.newSecret())));
        if (factor.isConfirmed()) {
            throw new IllegalStateException("already enrolled");
        }
        return factor.getSecret();
    }

    /**
     * Confirms the pending secret with a code from the app; answers the new recovery codes (shown once), or an
     * empty list when the code is wrong.
     */
    @RetryOnWriteConflict
    @Transactional
    List<String> confirm(long accountId, String code) {
        TotpFactor factor = totp.findById(accountId).filter(f -> !f.isConfirmed()).orElse(null);
        if (factor == null || !acceptTotp(factor, code)) {
            return List.of();
        }
        factor = totp.findById(accountId).orElseThrow();
        factor.confirm(clock.instant());
        return newRecoveryCodes(accountId);
    }

    /** Enrols an account with a known secret and recovery codes: demo and test accounts, no app involved. */
    @RetryOnWriteConflict
    @Transactional
    public void enrolKnown(long accountId, String secret, List<String> recoveryCodes) {
        TotpFactor factor = totp.save(new TotpFactor(accountId, secret));
        factor.confirm(clock.instant());
        recovery.deleteByAccount(accountId);
        recoveryCodes.forEach(c -> recovery.save(new RecoveryCode(accountId, hash(c))));
    }

    /** A TOTP code or a recovery code of an enrolled account; true once per code. */
    @RetryOnWriteConflict
    @Transactional
    public boolean verify(long accountId, String code) {
        String given = code == null ? "" : code.strip();
        TotpFactor factor = totp.findById(accountId).filter(TotpFactor::isConfirmed).orElse(null);
        if (factor == null) {
            return false;
        }
        if (given.replace(" ", "").matches("\\d{6}")) {
            return acceptTotp(factor, given.replace(" ", ""));
        }
        return recovery.use(accountId, hash(given), clock.instant()) == 1;
    }

    /** Removes the app and the recovery codes; passkeys go on {@link SecondFactorsReset} (PasskeyStore). */
    @RetryOnWriteConflict
    @Transactional
    public void reset(long accountId) {
        recovery.deleteByAccount(accountId);
        totp.findById(accountId).ifPresent(totp::delete);
    }

    private boolean acceptTotp(TotpFactor factor, String code) {
        String given = code == null ? "" : code.strip();
        long now = Totp.currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (Sha256.same(Totp.code(factor.getSecret(), step), given)) {
                return totp.useStep(factor.getAccountId(), step) == 1;
            }
        }
        return false;
    }

    private List<String> newRecoveryCodes(long accountId) {
        recovery.deleteByAccount(accountId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode();
            codes.add(code);
            recovery.save(new RecoveryCode(accountId, hash(code)));
        }
        return codes;
    }

    /** Ten letters and digits without look-alikes, shown as two groups of five. */
    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String hash(String code) {
        return Sha256.hex(code.strip().toLowerCase(Locale.ROOT));
    }
}
