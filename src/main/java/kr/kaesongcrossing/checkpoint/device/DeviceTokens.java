package kr.kaesongcrossing.checkpoint.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditPrincipal;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks scanner device tokens. A token is 32 random bytes, shown once; only its SHA-256 is stored
 * (a random token needs no slow hash: guessing 256 bits is the barrier, and the lookup stays an index hit).
 */
@Service
public class DeviceTokens {

    /** The device as it appears in the security context: authority ROLE_DEVICE, name = device name. */
    public record DevicePrincipal(long id, String name)
            implements org.springframework.security.core.AuthenticatedPrincipal, AuditPrincipal {

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

    private final ScannerDeviceRepository devices;
    private final AuditTrail audit;
    private final Clock clock;

    DeviceTokens(ScannerDeviceRepository devices, AuditTrail audit, Clock clock) {
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    @RetryOnWriteConflict
    @Transactional
    public Issued issue(String name, Long adminAccountId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "kcd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ScannerDevice device = devices.save(new ScannerDevice(name.strip(), hash(token), adminAccountId,
                clock.instant()));
        audit.record("device.issued", Subject.of("device", device.getId()), null);
        return new Issued(device.getId(), device.getName(), token);
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
            audit.record("device.revoked", Subject.of("device", deviceId), null);
        });
    }

    /** Revokes the active device holding {@code token} as the system job {@code job}; its id if there was one. */
    @RetryOnWriteConflict
    @Transactional
    Optional<Long> revokeToken(String token, String job) {
        return devices.findByTokenHash(hash(token)).filter(ScannerDevice::active).map(d -> {
            d.revoke(clock.instant());
            audit.recordAs(Actor.system(job), "device.revoked", Subject.of("device", d.getId()),
                    AuditTrail.Outcome.SUCCESS, "reason=demo-mode-off");
            return d.getId();
        });
    }

    @Transactional(readOnly = true)
    List<ScannerDevice> all() {
        return devices.findAllByOrderByRevokedAtAscCreatedAtDesc();
    }

    /** The active device holding {@code token}, if any. */
    @Transactional(readOnly = true)
    Optional<DevicePrincipal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return devices.findByTokenHash(hash(token.strip()))
                .filter(ScannerDevice::active)
                .map(d -> new DevicePrincipal(d.getId(), d.getName()));
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
