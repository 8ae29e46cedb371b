package kr.kaesongcrossing.checkpoint.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.application.TravelApprovals.TripAtGate;
import kr.kaesongcrossing.application.TravellerCrossed;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.log.CrossingLogEntry;
import kr.kaesongcrossing.checkpoint.log.CrossingLogRepository;
import kr.kaesongcrossing.checkpoint.route.RouteModes;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.PassVerifier;
import kr.kaesongcrossing.pass.TokenReading;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides and records scans. Each scan is one transaction whose first statement locks the pass row
 * ({@link PassVerifier#lockForScan}); then the trip's approval, the holder's position and the route's mode at the
 * scan's time are read, the rules decide, the log row is inserted and the position updated, and the transaction
 * commits before the answer is returned: an ACCEPTED answer is durable. Under the lock, a unique key on the log
 * (pass, crossing number) still refuses a second acceptance from the same position should anything bypass the lock.
 *
 * <p>Idempotent by scan id: a scan id already in the log gets its stored answer and nothing new is recorded,
 * also when two requests with the same id race (the unique key on scan_id decides, the loser reads the winner's).
 * A scan id and its answer belong to the device or officer that sent it: the same id from anyone else is a
 * {@link ScanIdConflict} and records nothing.
 */
@Service
class ScanService {

    /** Raised when an override is not possible (not refused, unknown pass, already overridden). */
    static final class OverrideRefused extends RuntimeException {

        OverrideRefused(String message) {
            super(message);
        }
    }

    /** The same scan id was sent earlier by another device or officer; nothing was recorded or shown. */
    static final class ScanIdConflict extends RuntimeException {

        ScanIdConflict() {
            super("scan id used by another sender");
        }
    }

    /** How long after a scan its sender may load the holder's photo. */
    static final Duration PHOTO_WINDOW = Duration.ofMinutes(5);
    /** Scans of an uploaded queue committed together (see {@link #scanInOrder}). */
    static final int SYNC_CHUNK = 50;

    /** A scan of an uploaded queue and its answer; null when another device or officer sent its scan id. */
    record Synced(ScanRequest request, ScanAnswer answer) {
    }

    private final PassVerifier verifier;
    private final TravelApprovals approvals;
    private final CrossingLogRepository log;
    private final PassPresenceRepository presences;
    private final ScanRules rules;
    private final RouteModes routes;
    private final Route route;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final TransactionTemplate syncing;

    ScanService(PassVerifier verifier, TravelApprovals approvals, CrossingLogRepository log,
            PassPresenceRepository presences, ScanRules rules, RouteModes routes, Route route, Clock clock,
            ApplicationEventPublisher events, AuditTrail audit, PlatformTransactionManager transactions) {
        this.verifier = verifier;
        this.approvals = approvals;
        this.log = log;
        this.presences = presences;
        this.rules = rules;
        this.routes = routes;
        this.route = route;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        // a chunk's scans in one transaction read what committed before the chunk's pass locks, as a lone scan reads
        // what committed before its own
        this.syncing = new TransactionTemplate(transactions);
        this.syncing.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Decides and records a scan, or answers what was recorded for its scan id before: that is read in the same
     * transaction, once the pass row is locked (a resent scan is rare; a separate read first would cost every scan a
     * transaction). A lost write conflict (a Galera node committed a scan of the same pass first) runs all of this
     * again: the retry reads the scan id's stored answer, so a scan whose first attempt's twin committed gets that
     * answer and no second row. What decides: the unique key on {@code crossing_log.scan_id} (one row per scan id)
     * and the one on (pass, crossing number) (one acceptance per crossing, so one per visit each way); the pass row's
     * lock only makes them rarely needed on one server.
     */
    @RetryOnWriteConflict
    ScanAnswer scan(ScanRequest request) {
        Optional<TokenReading> token = read(request);
        try {
            return ScanAnswer.of(writing.execute(status -> decideAndRecord(request, token, new Reads())));
        } catch (DataIntegrityViolationException e) {
            // either the same scan id committed meanwhile, or (without the lock) the crossing number's guard fired
            return stored(request.scanId(), request.operator()).orElseGet(
                    () -> ScanAnswer.of(writing.execute(status -> decideAndRecord(request, token, new Reads()))));
        }
    }

    /**
     * Decides and records the scans of a queue a station uploads, in order, each as {@link #scan} would, and runs
     * {@code alongside} with each answer in the same transaction. The scans are committed {@value #SYNC_CHUNK} at a
     * time, not one by one: every answer is durable when this returns, and the log flush of a commit is most of a
     * lone scan's time. What a chunk's scans read is loaded for all of them at once ({@link #preload}). A chunk that
     * fails (a deadlock with another lane, a scan id or crossing taken meanwhile: the unique keys still decide) is
     * rolled back and its scans are done one transaction each.
     */
    List<Synced> scanInOrder(List<ScanRequest> requests, BiConsumer<ScanRequest, ScanAnswer> alongside) {
        List<Synced> done = new ArrayList<>(requests.size());
        for (int start = 0; start < requests.size(); start += SYNC_CHUNK) {
            List<ScanRequest> chunk = requests.subList(start, Math.min(requests.size(), start + SYNC_CHUNK));
            // the signatures on all cores first; the scans then in order, as they were made
            List<Optional<TokenReading>> tokens = chunk.parallelStream().map(this::read).toList();
            try {
                done.addAll(syncing.execute(status -> {
                    Reads reads = preload(chunk, tokens);
                    return IntStream.range(0, chunk.size()).mapToObj(i -> {
                        ScanRequest request = chunk.get(i);
                        ScanAnswer answer;
                        try {
                            answer = ScanAnswer.of(decideAndRecord(request, tokens.get(i), reads));
                        } catch (ScanIdConflict e) {
                            return new Synced(request, null);
                        }
                        alongside.accept(request, answer);
                        return new Synced(request, answer);
                    }).toList();
                }));
            } catch (DataAccessException | TransactionException e) {
                chunk.forEach(request -> done.add(alone(request, alongside)));
            }
        }
        return done;
    }

    private Synced alone(ScanRequest request, BiConsumer<ScanRequest, ScanAnswer> alongside) {
        ScanAnswer answer;
        try {
            answer = scan(request);
        } catch (ScanIdConflict e) {
            return new Synced(request, null);
        }
        try {
            writing.executeWithoutResult(status -> alongside.accept(request, answer));
        } catch (DataIntegrityViolationException e) {
            // a concurrent upload of the same queue kept it first: one is what we want
        }
        return new Synced(request, answer);
    }

    /**
     * The stored answer of an earlier scan by {@code sender}.
     *
     * @throws ScanIdConflict when another device or officer sent that scan id
     */
    Optional<ScanAnswer> stored(String scanId, ScanRequest.Operator sender) {
        return reading.execute(status -> log.findByScanId(scanId)).map(entry -> {
            if (!entry.sentBy(sender)) {
                throw new ScanIdConflict();
            }
            return ScanAnswer.of(entry);
        });
    }

    /** The holder's photo for a scan of a known pass, for its sender only and only for {@link #PHOTO_WINDOW}. */
    Optional<byte[]> holderPhoto(String scanId, ScanRequest.Operator sender) {
        Instant oldest = clock.instant().minus(PHOTO_WINDOW);
        return reading.execute(status -> log.findByScanId(scanId))
                .filter(entry -> entry.sentBy(sender) && entry.getPassId() != null
                        && entry.getRecordedAt().isAfter(oldest))
                .flatMap(entry -> verifier.holderPhoto(entry.getPassId()));
    }

    /**
     * The scanned token's reading (its signature checked: most of a scan's own CPU), before the transaction, so that
     * no connection is held meanwhile; empty when the input is not a token at all.
     */
    private Optional<TokenReading> read(ScanRequest request) {
        return TokenInput.unreadable(request.token()) ? Optional.empty()
                : Optional.of(verifier.read(request.token()));
    }

    private CrossingLogEntry decideAndRecord(ScanRequest sent, Optional<TokenReading> reading, Reads reads) {
        Instant now = now();
        Instant at = sent.scannedAt() == null || sent.scannedAt().isAfter(now) ? now
                : sent.scannedAt().truncatedTo(ChronoUnit.SECONDS);
        ScanRequest request = at.equals(sent.scannedAt()) ? sent : new ScanRequest(sent.scanId(), sent.token(),
                sent.gate(), sent.direction(), sent.lane(), at, sent.operator());
        if (reading.isEmpty()) {
            return earlier(request, reads).orElseGet(() -> reads.record(CrossingLogEntry.unreadable(request, now)));
        }
        TokenReading token = reading.get();
        if (!token.valid()) {
            Optional<CrossingLogEntry> earlier = earlier(request, reads);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ScanDecision decision = rules.decide(token, Optional.empty(),
                    new ScanRules.Trip(false, Position.SOUTH, TripSlot.NONE), request.gate(), request.direction(),
                    routes.inForce(at), at, now);
            return reads.record(CrossingLogEntry.scan(request, now, decision, null, null, null, null, null));
        }
        Optional<PassForScan> locked = reads.lock(token.passId());
        Optional<CrossingLogEntry> earlier = earlier(request, reads); // after the lock: sees a twin that held it
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<PassPresence> presence = locked.flatMap(p -> reads.presence(p.passId()));
        boolean permit = locked.isPresent() && locked.get().permit();
        Direction direction = request.direction();
        Optional<PassForScan> pass = permit
                ? locked.map(p -> p.forTrip(permitTrip(p, presence, direction, at))) : locked;
        Long trip = pass.map(PassForScan::applicationId).orElse(null);
        TripAtGate atGate = trip != null ? reads.atGate(trip, direction) : null;
        TripSlot slot = atGate != null ? slot(atGate, direction, permit) : TripSlot.NONE;
        ScanDecision decision = rules.decide(token, pass, new ScanRules.Trip(atGate != null && atGate.approved(),
                presence.map(PassPresence::position).orElse(Position.SOUTH), slot, permit,
                atGate != null && atGate.heldByScreening()), request.gate(), request.direction(), routes.inForce(at),
                at, now);
        Integer visit = null;
        Integer crossing = null;
        if (decision.accepted()) {
            PassPresence state = presence.orElseGet(() -> reads.newPresence(pass.get(), at));
            visit = state.cross(route, request.gate(), request.direction(), at, request.lane(), false);
            crossing = state.crossings();
            state.refresh(pass.get());
            events.publishEvent(new TravellerCrossed(pass.get().applicationId(), state.position().across()));
        }
        return reads.record(CrossingLogEntry.scan(request, now, decision, token.passId(),
                pass.orElse(null), visit, crossing, slot.key()));
    }

    /**
     * The crossing booked on a permit pass for the scan's day and direction; southbound, without one, the crossing
     * the holder went in with (they must get out). Null when there is none.
     */
    private Long permitTrip(PassForScan pass, Optional<PassPresence> presence, Direction direction, Instant at) {
        return approvals.permitTrip(pass.permitId(), direction.travel(), OfficeTime.dateOf(at))
                .or(() -> direction == Direction.SOUTHBOUND
                        ? presence.filter(p -> p.position().across()).map(PassPresence::getApplicationId)
                        : Optional.empty())
                .orElse(null);
    }

    /**
     * The log row of an earlier scan with the request's scan id, by the same sender.
     *
     * @throws ScanIdConflict when another device or officer sent that scan id
     */
    private Optional<CrossingLogEntry> earlier(ScanRequest request, Reads reads) {
        Optional<CrossingLogEntry> entry = reads.logged(request.scanId());
        if (entry.isPresent() && !entry.get().sentBy(request.operator())) {
            throw new ScanIdConflict();
        }
        return entry;
    }

    /**
     * Loads what the scans of a chunk will read, in its transaction: first the locks of all its passes (so what follows
     * is what committed before them, as for a lone scan), then the log rows of its scan ids, the holders' positions
     * and the trips' approvals, slots and consent. Five statements at most instead of four a scan. A trip found only
     * later (a permit's crossing of the day) is read when needed.
     */
    private Reads preload(List<ScanRequest> chunk, List<Optional<TokenReading>> tokens) {
        Reads reads = new Reads();
        List<String> passIds = tokens.stream().flatMap(Optional::stream).filter(TokenReading::valid)
                .map(TokenReading::passId).distinct().toList();
        Map<String, PassForScan> locked = verifier.lockForScan(passIds);
        passIds.forEach(id -> {
            reads.passes.put(id, Optional.ofNullable(locked.get(id)));
            reads.positions.put(id, Optional.empty());
        });
        List<String> scanIds = chunk.stream().map(ScanRequest::scanId).distinct().toList();
        scanIds.forEach(id -> reads.entries.put(id, Optional.empty()));
        log.findByScanIdIn(scanIds).forEach(entry -> reads.entries.put(entry.getScanId(), Optional.of(entry)));
        presences.findAllById(locked.keySet()).forEach(p -> reads.positions.put(p.getPassId(), Optional.of(p)));
        List<Long> trips = locked.values().stream().filter(pass -> !pass.permit()).map(PassForScan::applicationId)
                .filter(Objects::nonNull).distinct().toList();
        chunk.stream().map(ScanRequest::direction).distinct()
                .forEach(direction -> reads.trips.put(direction, approvals.atGate(trips, direction.travel())));
        return reads;
    }

    /**
     * What a scan reads before the rules decide: a lone scan queries each when it needs it; an uploaded chunk's scans
     * find them loaded ({@link #preload}). Rows a scan writes are kept, so a later scan of the same pass or scan id in
     * the chunk sees them (the position is the same managed entity).
     */
    private final class Reads {

        private final Map<String, Optional<PassForScan>> passes = new HashMap<>();
        private final Map<String, Optional<CrossingLogEntry>> entries = new HashMap<>();
        private final Map<String, Optional<PassPresence>> positions = new HashMap<>();
        private final Map<Direction, Map<Long, TripAtGate>> trips = new EnumMap<>(Direction.class);

        Optional<PassForScan> lock(String passId) {
            return passes.computeIfAbsent(passId, verifier::lockForScan);
        }

        Optional<CrossingLogEntry> logged(String scanId) {
            return entries.computeIfAbsent(scanId, log::findByScanId);
        }

        CrossingLogEntry record(CrossingLogEntry entry) {
            CrossingLogEntry saved = log.saveAndFlush(entry);
            entries.put(saved.getScanId(), Optional.of(saved));
            return saved;
        }

        Optional<PassPresence> presence(String passId) {
            return positions.computeIfAbsent(passId, presences::findById);
        }

        PassPresence newPresence(PassForScan pass, Instant at) {
            PassPresence state = presences.save(PassPresence.south(pass, at));
            positions.put(pass.passId(), Optional.of(state));
            return state;
        }

        TripAtGate atGate(long trip, Direction direction) {
            TripAtGate loaded = trips.getOrDefault(direction, Map.of()).get(trip);
            return loaded != null ? loaded : approvals.atGate(trip, direction.travel());
        }
    }

    /**
     * The trip's slot in {@code direction} and, northbound, the counterpart's consent to it; none without checks,
     * except for a crossing on a permit (its pass is valid only with it), whose consent is then the trip's own
     * (as the gates run without slot checks: the rules still want it approved for travel).
     */
    private TripSlot slot(TripAtGate trip, Direction direction, boolean permit) {
        if (!rules.checksSlots()) {
            return permit ? trip.slot().map(key -> new TripSlot(key, true)).orElse(TripSlot.NONE) : TripSlot.NONE;
        }
        return trip.slot().map(key -> new TripSlot(key, direction == Direction.NORTHBOUND && trip.consented()))
                .orElse(TripSlot.NONE);
    }

    /**
     * Lets a refused scan of a known pass through: records an accepted override row pointing at the refusal and
     * moves the holder as the refused scan's direction says. The lane officer who sent the refused scan records
     * it; {@code supervisor} (who proved it with their password) authorised it. A second override of the same
     * refusal gets the first one's answer.
     */
    @RetryOnWriteConflict
    ScanAnswer override(String refusedScanId, String reason, ScanRequest.Operator lane,
            ScanRequest.Operator supervisor) {
        CrossingLogEntry refused = reading.execute(status -> log.findByScanId(refusedScanId))
                .filter(entry -> entry.sentBy(lane))
                .filter(CrossingLogEntry::overridable)
                .filter(entry -> route.has(entry.getGate()))
                .orElseThrow(() -> new OverrideRefused("not an overridable refusal at a gate on the route"));
        if (reason == null || reason.isBlank()) {
            throw new OverrideRefused("reason required");
        }
        ScanRequest request = new ScanRequest(overrideScanId(refusedScanId), null, refused.getGate(),
                refused.getDirection(), refused.getLane(), null, lane);
        Optional<ScanAnswer> stored = stored(request.scanId(), lane);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (refused.getDirection() == Direction.NORTHBOUND && !routes.inForce(now()).northboundAllowed()) {
            throw new OverrideRefused("the route is not open northbound"); // the other side would turn them back
        }
        try {
            return ScanAnswer.of(writing.execute(status -> {
                PassForScan pass = verifier.lockForScan(refused.getPassId())
                        .orElseThrow(() -> new OverrideRefused("pass no longer exists"));
                Instant now = now();
                PassPresence state = presences.findById(pass.passId())
                        .orElseGet(() -> presences.save(PassPresence.south(pass, now)));
                int visit = state.cross(route, refused.getGate(), refused.getDirection(), now, refused.getLane(), true);
                state.refresh(pass);
                events.publishEvent(new TravellerCrossed(pass.applicationId(), state.position().across()));
                CrossingLogEntry entry = log.saveAndFlush(CrossingLogEntry.override(refused, request, now, pass,
                        visit, state.crossings(), reason, supervisor));
                // last, after the pass row's lock (see AuditTrail); the normal scan path is not audited
                audit.record("scan.override", Subject.of("pass", pass.passId()), "refusedScan=" + refusedScanId
                        + " gate=" + refused.getGate() + " direction=" + refused.getDirection()
                        + " supervisor=" + supervisor.accountId());
                return entry;
            }));
        } catch (DataIntegrityViolationException e) {
            return stored(request.scanId(), lane).orElseThrow(() -> e);
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
