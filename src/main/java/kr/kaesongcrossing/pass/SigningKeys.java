package kr.kaesongcrossing.pass;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import jakarta.annotation.PostConstruct;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OfficeTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pass signing keys: metadata in {@code pass_signing_key}, private halves in the {@link PrivateKeyStore}, and
 * an in-memory {@link KeyRing} that signs and verifies without touching the database. A token with a key id the
 * ring does not know triggers at most one reload per {@link #RELOAD_INTERVAL_SECONDS} (another instance may have
 * rotated).
 */
@Component
public class SigningKeys {

    static final long RELOAD_INTERVAL_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyMMdd")
            .withZone(OfficeTime.ZONE);

    private final SigningKeyRepository repository;
    private final PrivateKeyStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateReadOnly;
    private final SecureRandom random = new SecureRandom();

    private volatile KeyRing ring;
    private volatile OctetKeyPair activeKey;
    private volatile long lastReloadNanos = System.nanoTime();

    SigningKeys(SigningKeyRepository repository, PrivateKeyStore store, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateReadOnly = new TransactionTemplate(transactionManager);
        this.separateReadOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separateReadOnly.setReadOnly(true);
    }

    @PostConstruct
    void start() {
        transaction.executeWithoutResult(status -> ensureActiveKey());
        reload();
        log.info("Pass signing key {} active ({} store)", ring.activeKid(), store.generates() ? "file" : "PKCS#12");
    }

    KeyRing ring() {
        return ring;
    }

    /** The verifier for {@code kid}, or null for a key this office never activated. */
    JWSVerifier verifier(String kid) {
        KeyRing current = ring;
        JWSVerifier verifier = current.verifier(kid);
        if (verifier != null || kid == null || !Pkcs12KeyStore.KID.matcher(kid).matches()) {
            return verifier;
        }
        synchronized (this) {
            if (ring == current
                    && System.nanoTime() - lastReloadNanos > TimeUnit.SECONDS.toNanos(RELOAD_INTERVAL_SECONDS)) {
                reload();
            }
        }
        return ring.verifier(kid);
    }

    /** Activates a new key and retires the current one; returns the new key id. */
    synchronized String rotate(String alias) {
        String kid = transaction.execute(status -> {
            Instant now = clock.instant();
            OctetKeyPair key;
            if (store.generates()) {
                key = store.generate(newKid(now));
            } else {
                store.reload();
                key = Optional.ofNullable(alias).flatMap(store::find)
                        .orElseThrow(() -> new PassStateException("pass.keys.error.unknownAlias"));
                if (repository.findByKid(key.getKeyID()).isPresent()) {
                    throw new PassStateException("pass.keys.error.aliasUsed");
                }
            }
            activate(key, now);
            audit.record("signing-key.rotated", Subject.of("signing-key", key.getKeyID()), null);
            return key.getKeyID();
        });
        reload();
        log.info("Pass signing key rotated: {} is now active", kid);
        return kid;
    }

    /** All keys, newest first, for the administrator. */
    List<SigningKey> all() {
        return separateReadOnly.execute(status -> repository.findAllByOrderByCreatedAtDesc());
    }

    /** A key's id and how many whole days it has been active (to now, or to its retirement). */
    public record KeyAge(String kid, boolean active, long days) {
    }

    /** The keys that signed or sign passes, newest first, with their ages (the administrator's home page). */
    public List<KeyAge> ages() {
        Instant now = clock.instant();
        return all().stream().filter(k -> k.getActivatedAt() != null).map(k -> new KeyAge(k.getKid(),
                k.getRetiredAt() == null, Duration.between(k.getActivatedAt(),
                        k.getRetiredAt() == null ? now : k.getRetiredAt()).toDays())).toList();
    }

    /** Keystore entries not yet used (PKCS#12 store), which the administrator may activate. */
    List<String> candidates() {
        if (store.generates()) {
            return List.of();
        }
        store.reload();
        List<String> used = all().stream().map(SigningKey::getKid).toList();
        return store.kids().stream().filter(kid -> !used.contains(kid)).toList();
    }

    boolean generatesKeys() {
        return store.generates();
    }

    /** The JWK Set to publish: the active key and retired keys that signed a pass not yet expired. */
    JWKSet publishedKeys() {
        List<SigningKey> keys = separateReadOnly.execute(status -> repository.findPublishable(clock.instant()));
        return new JWKSet(keys.stream().map(k -> (JWK) parse(k.getPublicJwk())).toList());
    }

    private void ensureActiveKey() {
        Instant now = clock.instant();
        Optional<String> configured = store.configuredActiveKid();
        if (configured.isPresent() && repository.findByKid(configured.get()).isEmpty()) {
            log.info("Activating the configured signing key {}", configured.get());
            activate(store.find(configured.get()).orElseThrow(), now);
            return;
        }
        Optional<SigningKey> active = activeRow(repository.findAll());
        if (active.isPresent() && store.find(active.get().getKid()).isPresent()) {
            return;
        }
        if (!store.generates()) {
            throw new IllegalStateException(active.isPresent()
                    ? "The active pass signing key " + active.get().getKid() + " is not in the keystore"
                    : "No active pass signing key: set kc.signing.active-alias");
        }
        active.ifPresent(key -> log.warn("The private half of the active signing key {} is missing; a new key "
                + "replaces it", key.getKid()));
        activate(store.generate(newKid(now)), now);
    }

    private void activate(OctetKeyPair key, Instant now) {
        repository.findAll().stream().filter(SigningKey::isActive).forEach(k -> k.retire(now));
        repository.flush();
        repository.save(SigningKey.activeFrom(key.getKeyID(), key.toPublicJWK().toJSONString(), now));
    }

    private void reload() {
        lastReloadNanos = System.nanoTime();
        List<SigningKey> rows = separateReadOnly.execute(status -> repository.findAll());
        SigningKey active = activeRow(rows).orElseThrow(() -> new IllegalStateException("No active signing key"));
        Optional<OctetKeyPair> activePrivate = store.find(active.getKid());
        if (activePrivate.isEmpty()) {
            store.reload();
            activePrivate = store.find(active.getKid());
        }
        if (activePrivate.isPresent()) {
            activeKey = activePrivate.get();
        } else if (activeKey == null) {
            throw new IllegalStateException("The private half of signing key " + active.getKid() + " is missing");
        } else {
            log.warn("Signing key {} is active but not in this instance's store; still signing with {}",
                    active.getKid(), activeKey.getKeyID());
        }
        ring = KeyRing.of(activeKey, rows.stream().map(k -> parse(k.getPublicJwk())).toList());
    }

    private static Optional<SigningKey> activeRow(List<SigningKey> rows) {
        return rows.stream().filter(SigningKey::isActive).max(Comparator.comparing(SigningKey::getActivatedAt));
    }

    private String newKid(Instant now) {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return "kc-" + KID_DATE.format(now) + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(suffix);
    }

    private static OctetKeyPair parse(String publicJwk) {
        try {
            return OctetKeyPair.parse(publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored public key is not an OKP JWK", e);
        }
    }
}
