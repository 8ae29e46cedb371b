package kr.kaesongcrossing.account.mfa;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebAuthn relying party ({@code kc.webauthn.*}): {@code rpId} is the site's domain (passkeys are bound to it;
 * changing it later orphans every passkey), {@code allowedOrigins} the exact origins pages are served from
 * ({@code https://crossing.example.kr}). The {@code mysql} profile requires both from the environment. With the
 * development default {@code localhost}, the port this instance listens on is allowed as well (tests use random
 * ports); any other rp id allows only the listed origins.
 */
@ConfigurationProperties("kc.webauthn")
record PasskeySettings(
        @DefaultValue("localhost") String rpId,
        @DefaultValue("Kaesong Crossing") String rpName,
        @DefaultValue("http://localhost:8080") Set<String> allowedOrigins) {

    static final String LOCAL = "localhost";
}
