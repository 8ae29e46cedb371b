package kr.kaesongcrossing.pass;

public record TokenReading(TokenProblem problem, String passId, java.time.Instant notBefore,
        java.time.Instant expiresAt) {

    public boolean valid() {
        return problem == null;
    }
}
