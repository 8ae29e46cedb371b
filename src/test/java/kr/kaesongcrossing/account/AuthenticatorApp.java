package kr.kaesongcrossing.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.kaesongcrossing.account.mfa.Totp;

/**
 * The authenticator app of the test browsers (WebClient, Selenium): codes of the current time step computed as an
 * app would. A code is good once, so when a test already used the current step's code for an account it gives the
 * next step's (the server allows one step of drift), then a recovery code ({@link TestAccounts#RECOVERY_CODES}).
 * Never waits. Kept per app instance (its base URL) and account.
 */
public final class AuthenticatorApp {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> STEPS_USED = new ConcurrentHashMap<>();
    private static final Map<String, Integer> RECOVERY_CODES_USED = new ConcurrentHashMap<>();

    private AuthenticatorApp() {
    }

    /** A secret the browser read off the enrolment page. */
    public static void enrolled(String app, String email, String secret) {
        SECRETS.put(key(app, email), secret.replace(" ", ""));
    }

    public static synchronized String nextCode(String app, String email) {
        String key = key(app, email);
        String secret = SECRETS.getOrDefault(key,
                email.endsWith("@demo.test") ? Totp.DEMO_SECRET : TestAccounts.TOTP_SECRET);
        long now = Totp.step(Instant.now());
        long step = Math.max(now, STEPS_USED.getOrDefault(key, Long.MIN_VALUE) + 1);
        if (step <= now + 1) {
            STEPS_USED.put(key, step);
            return Totp.code(secret, step);
        }
        int used = RECOVERY_CODES_USED.merge(key, 1, Integer::sum);
        return TestAccounts.RECOVERY_CODES.get(used - 1);
    }

    private static String key(String app, String email) {
        return app + "|" + email.toLowerCase(Locale.ROOT);
    }
}
