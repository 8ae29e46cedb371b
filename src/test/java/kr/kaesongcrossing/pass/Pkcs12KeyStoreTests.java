package kr.kaesongcrossing.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production key store, with a keystore made by the same keytool command as docs/pass-token.md. */
class Pkcs12KeyStoreTests {

    @TempDir
    Path dir;

    @Test
    void shouldLoadEd25519KeysMadeWithKeytoolAndSignVerifiableTokens() throws Exception {
        Path keystore = dir.resolve("pass-signing.p12");
        keytool(keystore, "kc-2026-11");
        keytool(keystore, "kc-2027-05");

        Pkcs12KeyStore store = new Pkcs12KeyStore(keystore, "changeit-please".toCharArray(), "kc-2026-11");

        assertThat(store.kids()).containsExactlyInAnyOrder("kc-2026-11", "kc-2027-05");
        assertThat(store.configuredActiveKid()).hasValue("kc-2026-11");
        assertThat(store.generates()).isFalse();
        OctetKeyPair key = store.find("kc-2026-11").orElseThrow();
        assertThat(key.isPrivate()).isTrue();
        PassContent pass = new PassContent(PassTokens.newPassId(), 7L, "KC-2026-000007", 1, "김민준", "KIM MINJUN",
                Instant.now(), Instant.now().plusSeconds(86400), null);
        KeyRing ring = KeyRing.of(key, List.of(store.find("kc-2027-05").orElseThrow().toPublicJWK()));
        String token = PassTokens.sign(pass, ring).compact();
        assertThat(PassTokens.read(token, ring::verifier).passId()).isEqualTo(pass.passId());
        KeyRing verifyOnly = KeyRing.of(store.find("kc-2027-05").orElseThrow(), List.of(key.toPublicJWK()));
        assertThat(PassTokens.read(token, verifyOnly::verifier).valid()).isTrue();
    }

    @Test
    void shouldRefuseAConfiguredAliasThatIsNotInTheKeystore() throws Exception {
        Path keystore = dir.resolve("pass-signing.p12");
        keytool(keystore, "kc-2026-11");

        assertThatThrownBy(() -> new Pkcs12KeyStore(keystore, "changeit-please".toCharArray(), "kc-missing"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kc-missing");
    }

    private static void keytool(Path keystore, String alias) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "Ed25519",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit-please",
                "-alias", alias, "-dname", "CN=Kaesong Crossing pass signing " + alias, "-validity", "3650")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
