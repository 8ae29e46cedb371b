package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Production key store: a PKCS#12 file made with {@code keytool -genkeypair -keyalg Ed25519 -storetype PKCS12}
 * (see docs/pass-token.md). Each Ed25519 entry is a signing key whose key id is its alias. The application never
 * writes this file; an operator adds keys and the administrator activates them at {@code /admin/keys}.
 */
final class Pkcs12KeyStore implements PrivateKeyStore {

    /** Key ids (aliases) are short: the kid travels in every QR code. */
    static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,20}");

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows. */
    private static final int SPKI_ED25519_LENGTH = 44;

    private final Path file;
    private final char[] password;
    private final String activeAlias;
    private volatile Map<String, OctetKeyPair> keys = Map.of();

    Pkcs12KeyStore(Path file, char[] password, String activeAlias) {
        this.file = file.toAbsolutePath().normalize();
        this.password = password.clone();
        this.activeAlias = activeAlias == null || activeAlias.isBlank() ? null : activeAlias.strip();
        reload();
        if (this.activeAlias != null && find(this.activeAlias).isEmpty()) {
            throw new IllegalStateException("kc.signing.active-alias '" + this.activeAlias
                    + "' is not an Ed25519 key entry in " + this.file + " (aliases: " + keys.keySet() + ")");
        }
    }

    @Override
    public Optional<OctetKeyPair> find(String kid) {
        return Optional.ofNullable(keys.get(kid.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<String> kids() {
        return List.copyOf(keys.keySet());
    }

    @Override
    public boolean generates() {
        return false;
    }

    @Override
    public OctetKeyPair generate(String kid) {
        throw new UnsupportedOperationException("Keys for the PKCS#12 keystore are created with keytool");
    }

    @Override
    public Optional<String> configuredActiveKid() {
        return Optional.ofNullable(activeAlias).map(a -> a.toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void reload() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Map<String, OctetKeyPair> found = new LinkedHashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias) || !KID.matcher(alias).matches()) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate certificate = store.getCertificate(alias);
                if (key instanceof EdECPrivateKey privateKey && certificate != null
                        && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(privateKey.getParams().getName())) {
                    String kid = alias.toLowerCase(Locale.ROOT);
                    found.put(kid, toJwk(kid, privateKey, certificate.getPublicKey()));
                }
            }
            keys = Collections.unmodifiableMap(found);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing keystore " + file, e);
        }
    }

    private static OctetKeyPair toJwk(String kid, EdECPrivateKey privateKey, PublicKey publicKey) {
        byte[] spki = publicKey.getEncoded();
        if (spki.length != SPKI_ED25519_LENGTH) {
            throw new IllegalStateException("Unexpected Ed25519 public key encoding for " + kid);
        }
        byte[] x = Arrays.copyOfRange(spki, SPKI_ED25519_LENGTH - 32, SPKI_ED25519_LENGTH);
        byte[] d = privateKey.getBytes().orElseThrow(
                () -> new IllegalStateException("The private key " + kid + " cannot be exported"));
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d)).keyID(kid)
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA).build();
    }
}
