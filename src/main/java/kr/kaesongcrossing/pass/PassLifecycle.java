package kr.kaesongcrossing.pass;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import kr.kaesongcrossing.application.PermitGranted;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, revokes and re-issues passes; every revocation publishes {@link PassRevoked}. */
@Service
class PassLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PassLifecycle.class);

    private final PassRepository passes;
    private final PassPhotoRepository photos;
    private final SigningKeys keys;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    PassLifecycle(PassRepository passes, PassPhotoRepository photos, SigningKeys keys,
            ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.passes = passes;
        this.photos = photos;
        this.keys = keys;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues the trip's pass, signed with the active key, with the holder's photo. Idempotent: when the trip
     * already has a live pass, that pass is returned and nothing is issued.
     */
    @RetryOnWriteConflict
    @Transactional
    Pass issue(TripApprovedForTravel trip) {
        Optional<Pass> existing = passes.findByCurrentForApplication(trip.applicationId());
        if (existing.isPresent()) {
            log.info("Application {} already has pass {}; not issuing another", trip.applicationId(),
                    existing.get().getPassId());
            if (trip.vehicle() != null) {
                issueVehiclePass(trip, existing.get().getIssuedAt());
            }
            return existing.get();
        }
        PassContent content = new PassContent(PassTokens.newPassId(), trip.applicationId(), trip.reference(),
                trip.applicantAccountId(), trip.holderNameKorean(), trip.holderNameLatin(),
                OfficeTime.startOfDay(trip.entryDate()), OfficeTime.endOfDay(trip.returnDate()), null);
        Pass pass = save(content, trip.holderPhotoJpeg());
        log.info("Issued pass {} for application {}", pass.getPassId(), trip.reference());
        audit.record("pass.issued", Subject.of("pass", pass.getPassId()), "application=" + trip.applicationId());
        if (trip.vehicle() != null) {
            issueVehiclePass(trip, pass.getIssuedAt());
        }
        return pass;
    }

    /**
     * The trip's vehicle pass: held by the driver (the applicant), for the trip's window, with the plate and type the
     * trip brings, issued at the same instant as the person's pass (lists show it right after that one). Idempotent
     * like the person's pass.
     */
    private void issueVehiclePass(TripApprovedForTravel trip, Instant issuedAt) {
        if (passes.findByCurrentVehicleForApplication(trip.applicationId()).isPresent()) {
            return;
        }
        PassContent content = new PassContent(PassTokens.newPassId(), trip.applicationId(), trip.reference(),
                trip.applicantAccountId(), trip.holderNameKorean(), trip.holderNameLatin(),
                OfficeTime.startOfDay(trip.entryDate()), OfficeTime.endOfDay(trip.returnDate()), null,
                new PassContent.VehicleOnPass(trip.vehicle().plate(), trip.vehicle().type()));
        Pass pass = passes.saveAndFlush(new Pass(content, PassTokens.sign(content, keys.ring()), issuedAt));
        log.info("Issued vehicle pass {} for application {}", pass.getPassId(), trip.reference());
        audit.record("pass.issued", Subject.of("pass", pass.getPassId()), "application=" + trip.applicationId()
                + " vehicle=" + trip.vehicle().vehicleId());
    }

    /**
     * Issues a standing permit's one long-lived pass, for the permit's dates, with the holder's photo. Idempotent
     * like {@link #issue(TripApprovedForTravel)}.
     */
    @RetryOnWriteConflict
    @Transactional
    Pass issue(PermitGranted permit) {
        Optional<Pass> existing = passes.findByCurrentForPermit(permit.permitId());
        if (existing.isPresent()) {
            return existing.get();
        }
        PassContent content = new PassContent(PassTokens.newPassId(), null, permit.reference(),
                permit.holderAccountId(), permit.holderNameKorean(), permit.holderNameLatin(),
                OfficeTime.startOfDay(permit.validFrom()), OfficeTime.endOfDay(permit.validUntil()), permit.permitId());
        Pass pass = save(content, permit.holderPhotoJpeg());
        log.info("Issued pass {} for standing permit {}", pass.getPassId(), permit.reference());
        audit.record("pass.issued", Subject.of("pass", pass.getPassId()), "permit=" + permit.permitId());
        return pass;
    }

    /** Revokes the standing permit's live pass (if any) with the permit. */
    @RetryOnWriteConflict
    @Transactional
    void permitRevoked(long permitId, String reason) {
        withdraw(passes.findByPermitIdAndReplacedByIsNull(permitId), reason, "permit=" + permitId);
    }

    /** Revokes the trip's live pass (if any) because its approval was withdrawn. */
    @RetryOnWriteConflict
    @Transactional
    void approvalWithdrawn(long applicationId, String reason) {
        withdraw(passes.findByApplicationIdAndReplacedByIsNull(applicationId), reason, "application=" + applicationId);
    }

    private void withdraw(java.util.List<Pass> live, String reason, String detail) {
        Instant now = clock.instant();
        for (Pass pass : live) {
            if (pass.approvalWithdrawn(reason, now)) {
                events.publishEvent(new PassRevoked(pass.getPassId(), pass.getRevocationReason()));
                log.info("Revoked pass {}: approval withdrawn ({})", pass.getPassId(), detail);
                audit.record("pass.revoked", Subject.of("pass", pass.getPassId()),
                        "cause=approval-withdrawn " + detail);
            }
        }
    }

    /** An officer revokes a pass, with a reason the holder will read. */
    @RetryOnWriteConflict
    @Transactional
    void revoke(String passId, String reason, long officerId) {
        Pass pass = passes.lockByPassId(passId).orElseThrow(() -> new PassStateException("pass.error.notFound"));
        pass.revoke(reason, officerId, clock.instant());
        events.publishEvent(new PassRevoked(pass.getPassId(), pass.getRevocationReason()));
        log.info("Officer {} revoked pass {}", officerId, passId);
        audit.record("pass.revoked", Subject.of("pass", passId), "cause=officer");
    }

    /** An officer replaces a pass with a new one (new id, active key); the old one is revoked. */
    @RetryOnWriteConflict
    @Transactional
    Pass reissue(String passId, String reason, long officerId) {
        Pass old = passes.lockByPassId(passId).orElseThrow(() -> new PassStateException("pass.error.notFound"));
        boolean wasLive = old.getRevokedAt() == null;
        PassContent content = old.reissue(PassTokens.newPassId(), reason, officerId, clock.instant());
        passes.saveAndFlush(old);
        if (wasLive) {
            events.publishEvent(new PassRevoked(old.getPassId(), old.getRevocationReason()));
        }
        byte[] photo = photos.findById(old.getId()).map(PassPhoto::getJpeg).orElse(null);
        Pass pass = save(content, photo);
        log.info("Officer {} re-issued pass {} as {}", officerId, passId, pass.getPassId());
        audit.record("pass.reissued", Subject.of("pass", pass.getPassId()), "replaces=" + passId);
        return pass;
    }

    private Pass save(PassContent content, byte[] photoJpeg) {
        Pass pass = passes.saveAndFlush(new Pass(content, PassTokens.sign(content, keys.ring()), clock.instant()));
        if (photoJpeg != null && photoJpeg.length > 0) {
            photos.save(new PassPhoto(pass.getId(), photoJpeg));
        }
        return pass;
    }
}
