package kr.kaesongcrossing.pass;

import java.time.Instant;

/**
 * The result of {@link PassVerifier#read(String)}. When {@link #valid()}, the signature is ours and the fields
 * come from the signed claims ({@code jti}, {@code nbf}, {@code exp}); otherwise only {@link #problem()} is set
 * and the other fields are {@code null} (nothing from an unverified token is trusted). The validity window is
 * not checked here: the caller compares it with its clock.
 */
public record TokenReading(TokenProblem problem, String passId, java.time.Instant notBefore,
        java.time.Instant expiresAt) {

    public boolean valid() {
        return problem == null;
    }

    static TokenReading of(String passId, Instant notBefore, Instant expiresAt) {
        return new TokenReading(null, passId, notBefore, expiresAt);
    }

    static TokenReading failed(TokenProblem problem) {
        return new TokenReading(problem, null, null, null);
    }
}
