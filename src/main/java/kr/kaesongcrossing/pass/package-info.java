/**
 * Signed QR passes: issued when a trip is approved for travel, shown and printed for the holder, verified offline
 * by anyone with the published keys ({@code /.well-known/jwks.json}) and revocable by the office.
 * <p>
 * Public API: {@link kr.kaesongcrossing.pass.PassVerifier} (with {@link kr.kaesongcrossing.pass.TokenReading},
 * {@link kr.kaesongcrossing.pass.TokenProblem}, {@link kr.kaesongcrossing.pass.PassForScan}) and the event
 * {@link kr.kaesongcrossing.pass.PassRevoked}. The token format is described in {@code docs/pass-token.md}.
 */
@ApplicationModule(allowedDependencies = {"account", "application", "audit", "system"})
package kr.kaesongcrossing.pass;

import org.springframework.modulith.ApplicationModule;
