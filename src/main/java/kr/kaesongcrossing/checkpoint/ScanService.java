package kr.kaesongcrossing.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.PassVerifier;
import kr.kaesongcrossing.pass.TokenReading;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides and records scans. Each scan is one transaction whose first statement locks the pass row
 * ({@link PassVerifier#lockForScan}); then the trip's approval and the holder's presence are read, the rules
 * decide, the log row is inserted and the presence updated, and the transaction commits before the answer is
 * returned: an ACCEPTED answer is durable. Under the lock, a unique key on the log (pass, visit, direction) still
 * refuses a second acceptance of the same visit should anything bypass the lock.
 *
 * <p>Idempotent by scan id: a scan id already in the log gets its stored answer and nothing new is recorded,
 * also when two requests with the same id race (the unique key on scan_id decides, the loser reads the winner's).
 */
@Service
class ScanService {

    /** Raised when an override is not possible (not refused, unknown pass, already overridden). */
    static final class OverrideRefused extends RuntimeException {

        OverrideRefused(String message) {
            super(message);
        }
    }

    private final PassVerifier verifier;
    private final TravelApprovals approvals;
    private final CrossingLogRepository log;
    private final PassPresenceRepository presences;
    private final ScanRules rules;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    ScanService(PassVerifier verifier, TravelApprovals approvals, CrossingLogRepository log,
            PassPresenceRepository presences, ScanRules rules, Clock clock, PlatformTransactionManager transactions) {
        this.verifier = verifier;
        this.approvals = approvals;
        this.log = log;
        this.presences = presences;
        this.rules = rules;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    ScanAnswer scan(ScanRequest request) {
        Optional<ScanAnswer> stored = stored(request.scanId());
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return ScanAnswer.of(writing.execute(status -> decideAndRecord(request)));
        } catch (DataIntegrityViolationException e) {
            // either the same scan id committed meanwhile, or (without the lock) the visit's guard fired
            return stored(request.scanId())
                    .orElseGet(() -> ScanAnswer.of(writing.execute(status -> decideAndRecord(request))));
        }
    }

    /** The stored answer of an earlier scan. */
    Optional<ScanAnswer> stored(String scanId) {
        return reading.execute(status -> log.findByScanId(scanId).map(ScanAnswer::of));
    }

    /** The holder's photo for a logged scan of a known pass. */
    Optional<byte[]> holderPhoto(String scanId) {
        return stored(scanId).filter(ScanAnswer::holderKnown).flatMap(answer -> verifier.holderPhoto(answer.passId()));
    }

    private CrossingLogEntry decideAndRecord(ScanRequest request) {
        Instant now = now();
        Instant at = request.scannedAt() == null || request.scannedAt().isAfter(now) ? now
                : request.scannedAt().truncatedTo(ChronoUnit.SECONDS);
        request = at.equals(request.scannedAt()) ? request : new ScanRequest(request.scanId(), request.token(),
                request.direction(), request.lane(), at, request.operator());
        if (TokenInput.unreadable(request.token())) {
            return log.saveAndFlush(CrossingLogEntry.unreadable(request, now));
        }
        TokenReading token = verifier.read(request.token());
        if (!token.valid()) {
            ScanDecision decision = rules.decide(token, Optional.empty(), false, Presence.OUTSIDE,
                    request.direction(), at);
            return log.saveAndFlush(CrossingLogEntry.scan(request, now, decision, null, null, null));
        }
        Optional<PassForScan> pass = verifier.lockForScan(token.passId());
        Optional<CrossingLogEntry> duplicate = log.findByScanId(request.scanId());
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        boolean approved = pass.isPresent() && approvals.isApprovedForTravel(pass.get().applicationId());
        Optional<PassPresence> presence = pass.flatMap(p -> presences.findById(p.passId()));
        ScanDecision decision = rules.decide(token, pass, approved,
                presence.map(PassPresence::presence).orElse(Presence.OUTSIDE), request.direction(), at);
        Integer visit = null;
        if (decision.accepted()) {
            PassPresence state = presence.orElseGet(() -> presences.save(PassPresence.outside(pass.get(), at)));
            visit = state.cross(request.direction(), at, request.lane(), false);
            state.refresh(pass.get());
        }
        return log.saveAndFlush(CrossingLogEntry.scan(request, now, decision, token.passId(),
                pass.orElse(null), visit));
    }

    /**
     * Lets a refused scan of a known pass through: records an accepted override row pointing at the refusal and
     * moves the holder as the refused scan's direction says. A second override of the same refusal gets the
     * first one's answer.
     */
    ScanAnswer override(String refusedScanId, String reason, ScanRequest.Operator supervisor) {
        CrossingLogEntry refused = reading.execute(status -> log.findByScanId(refusedScanId))
                .filter(CrossingLogEntry::overridable)
                .orElseThrow(() -> new OverrideRefused("not an overridable refusal"));
        if (reason == null || reason.isBlank()) {
            throw new OverrideRefused("reason required");
        }
        ScanRequest request = new ScanRequest(overrideScanId(refusedScanId), null, refused.getDirection(),
                refused.getLane(), null, supervisor);
        Optional<ScanAnswer> stored = stored(request.scanId());
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return ScanAnswer.of(writing.execute(status -> {
                PassForScan pass = verifier.lockForScan(refused.getPassId())
                        .orElseThrow(() -> new OverrideRefused("pass no longer exists"));
                Instant now = now();
                PassPresence state = presences.findById(pass.passId())
                        .orElseGet(() -> presences.save(PassPresence.outside(pass, now)));
                int visit = state.cross(refused.getDirection(), now, refused.getLane(), true);
                state.refresh(pass);
                return log.saveAndFlush(CrossingLogEntry.override(refused, request, now, pass, visit, reason));
            }));
        } catch (DataIntegrityViolationException e) {
            return stored(request.scanId()).orElseThrow(() -> e);
        }
    }

    /**
     * Now, in whole seconds, so a first answer equals its stored replay on every database: Connector/J drops
     * fractional seconds against MariaDB 10.x (it reports itself as 5.5.5). Log order ties break on the row id.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static String overrideScanId(String refusedScanId) {
        return "override:" + refusedScanId;
    }
}
