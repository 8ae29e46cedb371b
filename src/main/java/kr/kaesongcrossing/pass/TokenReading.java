package kr.kaesongcrossing.pass;

import java.time.Instant;

/**
 * The result of {@link PassVerifier#read(String)}. When {@link #valid()}, the signature is ours and the fields
 * come from the signed claims ({@code jti}, {@code nbf}, {@code exp}, {@code typ}: {@link #vehicle()} for a vehicle
 * pass); otherwise only {@link #problem()} is set and the other fields are {@code null} or false (nothing from an
 * unverified token is trusted). The validity window is not checked here: the caller compares it with its clock.
 */
public record TokenReading(TokenProblem problem, String passId, java.time.Instant notBefore,
        java.time.Instant expiresAt, boolean vehicle) {

    /** A person's pass, or a failed reading. */
    public TokenReading(TokenProblem problem, String passId, Instant notBefore, Instant expiresAt) {
        this(problem, passId, notBefore, expiresAt, false);
    }

    public boolean valid() {
        return problem == null;
    }

    static TokenReading of(String passId, Instant notBefore, Instant expiresAt, boolean vehicle) {
        return new TokenReading(null, passId, notBefore, expiresAt, vehicle);
    }

    static TokenReading failed(TokenProblem problem) {
        return new TokenReading(problem, null, null, null);
    }
}
