package kr.kaesongcrossing.pass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Metadata and public half of a pass signing key. At most one key is active (activated, not retired); retired keys
 * keep verifying the passes they signed.
 */
@Entity
@Table(name = "pass_signing_key")
class SigningKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String kid;

    @Column(name = "public_jwk", nullable = false, length = 1000)
    private String publicJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    /** A key that signs new passes from {@code now} on. */
    static SigningKey activeFrom(String kid, String publicJwk, Instant now) {
        SigningKey key = new SigningKey();
        key.kid = kid;
        key.publicJwk = publicJwk;
        key.createdAt = now;
        key.activatedAt = now;
        return key;
    }

    void retire(Instant now) {
        if (retiredAt != null) {
            throw new IllegalStateException("Key " + kid + " is already retired");
        }
        this.retiredAt = now;
    }

    boolean isActive() {
        return activatedAt != null && retiredAt == null;
    }

    Long getId() {
        return id;
    }

    String getKid() {
        return kid;
    }

    String getPublicJwk() {
        return publicJwk;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getActivatedAt() {
        return activatedAt;
    }

    Instant getRetiredAt() {
        return retiredAt;
    }
}
