package kr.kaesongcrossing.checkpoint.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditPrincipal;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and checks scanner device tokens. A token is 32 random bytes, shown once; only its SHA-256 is stored
 * (a random token needs no slow hash: guessing 256 bits is the barrier, and the lookup stays an index hit).
 *
 * <p>An accepted token is remembered for {@link #REMEMBERED_FOR} (5 s), so that a burst of scans reads its device
 * once. A revocation on this instance takes effect at once; one on another instance within that bound.
 */
@Service
public class DeviceTokens {

    /**
     * The device as it appears in the security context: authority ROLE_DEVICE, name = device name; {@code gate} and
     * {@code lane} are a paired station's (null for older devices).
     */
    public record DevicePrincipal(long id, String name, String gate, String lane)
            implements org.springframework.security.core.AuthenticatedPrincipal, AuditPrincipal {

        public DevicePrincipal(long id, String name) {
            this(id, name, null, null);
        }

        /** A scan station paired by a supervisor for a gate and a lane. */
        public boolean paired() {
            return gate != null;
        }

        @Override
        public Actor auditActor() {
            return Actor.device(id);
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** A newly issued device with its one-time visible token. */
    public record Issued(long id, String name, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How often a device's last contact is written at most: a scan need not always write it. */
    static final Duration CONTACT_RESOLUTION = Duration.ofMinutes(1);

    /**
     * How long an accepted token is taken without asking the database: long enough to spare a burst of scans the
     * lookup (and its transaction), short enough that a revocation made on another instance soon holds here too.
     */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(5);
    /** At most this many tokens are remembered; only accepted ones are, so bad tokens cannot fill it. */
    static final int REMEMBERED_AT_MOST = 1_000;

    private record Remembered(DevicePrincipal device, Instant until) {
    }

    private final ScannerDeviceRepository devices;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Accepted tokens by hash. */
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    /**
     * Counts revocations on this instance: a lookup that read the device before a revocation committed must not
     * remember it after the revocation's eviction.
     */
    private final AtomicLong revocations = new AtomicLong();

    DeviceTokens(ScannerDeviceRepository devices, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @RetryOnWriteConflict
    @Transactional
    public Issued issue(String name, Long adminAccountId) {
        String token = newToken();
        ScannerDevice device = devices.save(new ScannerDevice(name.strip(), hash(token), adminAccountId,
                clock.instant()));
        audit.record("device.issued", Subject.of("device", device.getId()), null);
        return new Issued(device.getId(), device.getName(), token);
    }

    /** Pairs a scan station: a new device bound to {@code gate} and {@code lane}, its token shown once. */
    @RetryOnWriteConflict
    @Transactional
    public Issued pairStation(String name, String gate, String lane, long supervisorId) {
        String token = newToken();
        ScannerDevice device = devices.save(ScannerDevice.station(name.strip(), hash(token), gate, lane.strip(),
                supervisorId, clock.instant()));
        audit.record("device.paired", Subject.of("device", device.getId()), "gate=" + gate);
        return new Issued(device.getId(), device.getName(), token);
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "kcd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Registers a device with a known token unless a device with that token exists (demo mode). */
    @RetryOnWriteConflict
    @Transactional
    void ensure(String name, String token) {
        if (devices.findByTokenHash(hash(token)).isEmpty()) {
            devices.save(new ScannerDevice(name, hash(token), null, clock.instant()));
        }
    }

    @RetryOnWriteConflict
    @Transactional
    public void revoke(long deviceId) {
        devices.findById(deviceId).filter(ScannerDevice::active).ifPresent(d -> {
            d.revoke(clock.instant());
            forgetAfterCommit(d.getTokenHash());
            audit.record("device.revoked", Subject.of("device", deviceId), null);
        });
    }

    /** Revokes the active device holding {@code token} as the system job {@code job}; its id if there was one. */
    @RetryOnWriteConflict
    @Transactional
    Optional<Long> revokeToken(String token, String job) {
        return devices.findByTokenHash(hash(token)).filter(ScannerDevice::active).map(d -> {
            d.revoke(clock.instant());
            forgetAfterCommit(d.getTokenHash());
            audit.recordAs(Actor.system(job), "device.revoked", Subject.of("device", d.getId()),
                    AuditTrail.Outcome.SUCCESS, "reason=demo-mode-off");
            return d.getId();
        });
    }

    @Transactional(readOnly = true)
    List<ScannerDevice> all() {
        return devices.findAllByOrderByRevokedAtAscCreatedAtDesc();
    }

    /** Once the revocation is committed, so that no lookup can read the device as active afterwards. */
    private void forgetAfterCommit(String tokenHash) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                revocations.incrementAndGet();
                remembered.remove(tokenHash);
            }
        });
    }

    /**
     * The active device holding {@code token}, if any: as remembered within {@link #REMEMBERED_FOR}, otherwise read,
     * its last contact recorded when the one stored is older than {@link #CONTACT_RESOLUTION}.
     */
    @RetryOnWriteConflict
    Optional<DevicePrincipal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String tokenHash = hash(token.strip());
        Instant now = clock.instant();
        Remembered known = remembered.get(tokenHash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.device());
        }
        long revokedBefore = revocations.get();
        Optional<DevicePrincipal> device = transactions.execute(status -> lookUp(tokenHash, now));
        if (device.isEmpty()) {
            remembered.remove(tokenHash);
        } else {
            remember(tokenHash, new Remembered(device.get(), now.plus(REMEMBERED_FOR)), now, revokedBefore);
        }
        return device;
    }

    private Optional<DevicePrincipal> lookUp(String tokenHash, Instant now) {
        Instant since = now.minus(CONTACT_RESOLUTION);
        return devices.findByTokenHash(tokenHash)
                .filter(ScannerDevice::active)
                .map(d -> {
                    if (d.getLastContactAt() == null || d.getLastContactAt().isBefore(since)) {
                        devices.touch(d.getId(), now, since);
                    }
                    return new DevicePrincipal(d.getId(), d.getName(), d.getGate(), d.getLane());
                });
    }

    private void remember(String tokenHash, Remembered entry, Instant now, long revokedBefore) {
        if (remembered.size() >= REMEMBERED_AT_MOST) {
            remembered.values().removeIf(r -> !now.isBefore(r.until()));
            if (remembered.size() >= REMEMBERED_AT_MOST) {
                return; // more devices than that within the bound: the others are read each time instead
            }
        }
        remembered.put(tokenHash, entry);
        // A revocation committed meanwhile may have evicted before this put: its device may have been read active.
        if (revocations.get() != revokedBefore) {
            remembered.remove(tokenHash, entry);
        }
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
