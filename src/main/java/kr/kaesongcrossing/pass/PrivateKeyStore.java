package kr.kaesongcrossing.pass;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.List;
import java.util.Optional;

/**
 * Where the private halves of the Ed25519 signing keys live. The database only keeps metadata and public keys.
 */
sealed interface PrivateKeyStore permits JwkFileKeyStore, Pkcs12KeyStore {

    /** The key pair with this key id, if the store holds it. */
    Optional<OctetKeyPair> find(String kid);

    /** Key ids the store holds, newest first where known. */
    List<String> kids();

    /** Whether {@link #generate(String)} works (demo file store) or keys come from outside (PKCS#12 keystore). */
    boolean generates();

    /** Creates, stores and returns a new key pair. */
    OctetKeyPair generate(String kid);

    /** The key id configured to be active at start-up, if the store is configured that way. */
    Optional<String> configuredActiveKid();

    /** Re-reads the store from disk (to pick up keys added by an operator). */
    void reload();
}
