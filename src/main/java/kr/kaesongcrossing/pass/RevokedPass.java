package kr.kaesongcrossing.pass;

import java.time.Instant;

/** One entry of the revocation list served to offline verifiers. */
record RevokedPass(String passId, Instant revokedAt) {
}
