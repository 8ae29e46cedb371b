package kr.kaesongcrossing.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * What a new password must be (NIST SP 800-63B style): 12 to 128 characters, no composition rules, and not
 * easy to guess: not one of the 50,000 most common passwords (shipped list, see
 * {@code security/common-passwords.PROVENANCE.txt}), not such a password with digits or symbols around it, not
 * one character or a short group repeated, not a run like {@code abcdefghijkl}, and not built on the person's
 * email address or the service's name. Applies to registration, staff accounts and the first administrator.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String LIST = "/security/common-passwords.txt";
    private static final Set<String> CONTEXT_WORDS = Set.of("kaesong", "kaesongcrossing", "개성");

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    int commonPasswordCount() {
        return common.size();
    }

    /** Adds a field error (message key) to {@code errors} when the password does not meet the policy. */
    void validate(String password, String email, Errors errors, String field) {
        if (!errors.hasFieldErrors(field)) {
            problem(password, email).ifPresent(key -> errors.rejectValue(field, key));
        }
    }

    /** The message key of the first rule the password breaks, if any. */
    Optional<String> problem(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("password.length");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower)) || isRepetitive(lower) || isRun(lower)) {
            return Optional.of("password.common");
        }
        if (containsContext(lower, email)) {
            return Optional.of("password.context");
        }
        return Optional.empty();
    }

    /** The password without leading and trailing digits, symbols and spaces ({@code !!password2024!}). */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    /** One character or a group of up to four repeated: {@code aaaaaaaaaaaa}, {@code abcabcabcabc}. */
    private static boolean isRepetitive(String s) {
        for (int unit = 1; unit <= 4; unit++) {
            if (s.length() % unit != 0) {
                continue;
            }
            boolean repeats = true;
            for (int i = unit; i < s.length() && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character one up (or one down) from the one before: {@code abcdefghijkl}, {@code 987654321098}. */
    private static boolean isRun(String s) {
        int step = s.charAt(1) - s.charAt(0);
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            boolean wraps = (step == 1 && s.charAt(i - 1) == '9' && s.charAt(i) == '0')
                    || (step == -1 && s.charAt(i - 1) == '0' && s.charAt(i) == '9');
            if (d != step && !wraps) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsContext(String lower, String email) {
        String squeezed = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        for (String word : CONTEXT_WORDS) {
            if (squeezed.equals(word) || core(squeezed).equals(word)) {
                return true;
            }
        }
        if (email != null && !email.isBlank()) {
            String e = email.strip().toLowerCase(Locale.ROOT);
            int at = e.indexOf('@');
            String local = (at > 0 ? e.substring(0, at) : e).replaceAll("[^\\p{L}\\p{N}]", "");
            return lower.contains(e) || (local.length() >= 4 && squeezed.contains(local));
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LIST);
            }
            Set<String> words = new HashSet<>(70_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String word = line.strip().toLowerCase(Locale.ROOT);
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
