package kr.kaesongcrossing.account.mfa;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.time.Instant;

/**
 * RFC 6238 with what every authenticator app reads: SHA-1, six digits, 30 s steps, a 160-bit Base32 secret.
 * Public for the demo login page and the tests, which compute codes as an app would.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    /** Demo mode only: the demo staff accounts' secret, shown on the login page there (Base32, 160 bits). */
    public static final String DEMO_SECRET = "KAESONGDEMOTOTPSECRETFORSTAFF234";
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private Totp() {
    }

    /**
     * The step of now by the system clock, not the app's {@link java.time.Clock} bean: the person's app counts
     * real time, and tests move the app's clock to other days.
     */
    public static long currentStep() {
        return step(Instant.now());
    }

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code of a secret for one time step. */
    public static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP secret unusable", e);
        }
    }

    static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The otpauth URI an app scans: issuer and the account's email as label. */
    static String uri(String secret, String issuer, String label) {
        return new QrData.Builder().label(label).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
                .digits(6).period(PERIOD_SECONDS).build().getUri();
    }
}
