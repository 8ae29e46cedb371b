package kr.kaesongcrossing.checkpoint.scan;

import java.util.regex.Pattern;

/**
 * What a lane received before any cryptography: a compact JWS is three base64url parts joined by dots, and its
 * header, being JSON, always starts with {@code eyJ}. Input outside that alphabet (Hangul from a Korean input
 * method, stray characters) or with the case of every letter swapped (Caps Lock) cannot be a token at all: the
 * officer should check the scanner's keyboard layout rather than suspect a forgery.
 */
final class TokenInput {

    static final int MAX_LENGTH = 4096;

    private static final Pattern TOKEN_ALPHABET = Pattern.compile("[A-Za-z0-9_\\-.]+");

    private TokenInput() {
    }

    /** The scanner's input without surrounding whitespace (including the scanner's Enter). */
    static String clean(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** True when {@code input} (already cleaned) cannot be a token because of how it was typed. */
    static boolean unreadable(String input) {
        if (input.isEmpty() || input.length() > MAX_LENGTH || !TOKEN_ALPHABET.matcher(input).matches()) {
            return true;
        }
        return !input.startsWith("eyJ") && swapCase(input).startsWith("eyJ");
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder(Math.min(text.length(), 3));
        for (int i = 0; i < Math.min(text.length(), 3); i++) {
            char c = text.charAt(i);
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }
}
