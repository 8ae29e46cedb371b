package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable snapshot of the signing keys in memory: the active key's signer and a verifier per known key id
 * (active and retired). Verifying a token with a ring touches no database.
 */
final class KeyRing {

    private final String activeKid;
    private final Ed25519Signer signer;
    private final Map<String, JWSVerifier> verifiers;

    private KeyRing(String activeKid, Ed25519Signer signer, Map<String, JWSVerifier> verifiers) {
        this.activeKid = activeKid;
        this.signer = signer;
        this.verifiers = verifiers;
    }

    /** A ring that signs with {@code active} (a private key) and verifies {@code known} public keys plus it. */
    static KeyRing of(OctetKeyPair active, Collection<OctetKeyPair> known) {
        try {
            Map<String, JWSVerifier> verifiers = new HashMap<>();
            for (OctetKeyPair key : known) {
                verifiers.put(key.getKeyID(), new Ed25519Verifier(key.toPublicJWK()));
            }
            verifiers.put(active.getKeyID(), new Ed25519Verifier(active.toPublicJWK()));
            return new KeyRing(active.getKeyID(), new Ed25519Signer(active), Map.copyOf(verifiers));
        } catch (JOSEException e) {
            throw new IllegalStateException("Not an Ed25519 key", e);
        }
    }

    String activeKid() {
        return activeKid;
    }

    Ed25519Signer signer() {
        return signer;
    }

    /** The verifier for {@code kid}, or null when the key is unknown. */
    JWSVerifier verifier(String kid) {
        return verifiers.get(kid);
    }

    boolean knows(String kid) {
        return verifiers.containsKey(kid);
    }
}
