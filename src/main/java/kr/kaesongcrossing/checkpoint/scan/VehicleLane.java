package kr.kaesongcrossing.checkpoint.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.checkpoint.log.CrossingLogEntry;
import kr.kaesongcrossing.checkpoint.log.CrossingLogRepository;
import kr.kaesongcrossing.checkpoint.route.RouteModes;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.PassVerifier;
import kr.kaesongcrossing.pass.TokenReading;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A vehicle and its driver at a vehicle lane. The driver's pass goes through {@link ScanService} as at any lane (its
 * own scan id, {@link #driverScanId}, its own log row and transaction); then, in a transaction of its own that locks
 * the vehicle pass first, {@link VehicleRules} decide on the vehicle, its log row names the driver's scan, and an
 * accepted vehicle moves along the route like a person ({@link PassPresence} keyed by the vehicle pass). Idempotent
 * by the vehicle's scan id like {@link ScanService}: the same id again answers what was recorded.
 */
@Service
class VehicleLane {

    /** Both answers of one crossing at a vehicle lane. */
    record Answer(ScanAnswer vehicle, ScanAnswer driver, String vehicleType) {

        /** The vehicle's message: accepted (by direction), let out with an alert, or the reason it was refused. */
        public String messageKey() {
            if (vehicle.alerted()) {
                return "checkpoint.vehicle.alerted";
            }
            return vehicle.accepted() ? "checkpoint.vehicle.accepted." + vehicle.direction()
                    : "checkpoint.reason." + vehicle.reason();
        }

        public String plate() {
            return vehicle.holderNameKorean();
        }
    }

    private final ScanService scans;
    private final PassVerifier verifier;
    private final TravelApprovals approvals;
    private final CrossingLogRepository log;
    private final PassPresenceRepository presences;
    private final VehicleRules rules;
    private final RouteModes routes;
    private final Route route;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    VehicleLane(ScanService scans, PassVerifier verifier, TravelApprovals approvals, CrossingLogRepository log,
            PassPresenceRepository presences, ScanRules scanRules, RouteModes routes, Route route, Clock clock,
            PlatformTransactionManager transactions) {
        this.scans = scans;
        this.verifier = verifier;
        this.approvals = approvals;
        this.log = log;
        this.presences = presences;
        this.rules = new VehicleRules(route, scanRules.clockSkew());
        this.routes = routes;
        this.route = route;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** The scan id of the driver's pass scanned with the vehicle {@code scanId}. */
    static String driverScanId(String scanId) {
        return scanId + "-driver";
    }

    /**
     * Decides and records the driver's scan, then the vehicle's.
     *
     * @throws ScanService.ScanIdConflict when another officer or device sent either scan id
     */
    @RetryOnWriteConflict
    Answer scan(String scanId, String vehicleToken, String driverToken, Gate gate, Direction direction,
            String lane, ScanRequest.Operator operator) {
        Optional<Answer> stored = stored(scanId, operator);
        if (stored.isPresent()) {
            return stored.get();
        }
        ScanAnswer driver = scans.scan(new ScanRequest(driverScanId(scanId), driverToken, gate, direction, lane, null,
                operator));
        ScanRequest request = new ScanRequest(scanId, vehicleToken, gate, direction, lane, null, operator);
        try {
            writing.executeWithoutResult(status -> decideAndRecord(request, driver));
        } catch (DataIntegrityViolationException e) {
            // the same scan id committed meanwhile: its answer stands
        }
        return stored(scanId, operator).orElseThrow(ScanService.ScanIdConflict::new);
    }

    /** The stored answer of an earlier vehicle scan by {@code sender}. */
    Optional<Answer> stored(String scanId, ScanRequest.Operator sender) {
        return reading.execute(status -> log.findByScanId(scanId)).filter(e -> e.getDriverScanId() != null)
                .flatMap(entry -> {
                    if (!entry.sentBy(sender)) {
                        throw new ScanService.ScanIdConflict();
                    }
                    return scans.stored(entry.getDriverScanId(), sender).map(driver -> new Answer(
                            ScanAnswer.of(entry), driver, type(entry)));
                });
    }

    private void decideAndRecord(ScanRequest request, ScanAnswer driverAnswer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TokenReading token = verifier.read(request.token());
        Optional<PassForScan> pass = token.valid() ? verifier.lockForScan(token.passId()) : Optional.empty();
        if (log.findByScanId(request.scanId()).isPresent()) {
            return; // recorded by a request that raced this one
        }
        Long driverTrip = log.findByScanId(driverAnswer.scanId()).map(CrossingLogEntry::getApplicationId)
                .orElse(null);
        Optional<PassPresence> presence = pass.flatMap(p -> presences.findById(p.passId()));
        Long trip = pass.map(PassForScan::applicationId).orElse(null);
        boolean approved = trip != null && approvals.isApprovedForTravel(trip);
        ScanDecision decision = rules.decide(token, pass, new VehicleRules.Driver(driverAnswer.accepted(), driverTrip),
                approved, presence.map(PassPresence::position).orElse(Position.SOUTH), request.gate(),
                request.direction(), routes.inForce(now), now);
        Integer visit = null;
        Integer crossing = null;
        if (decision.accepted()) {
            PassPresence state = presence.orElseGet(() -> presences.save(PassPresence.south(pass.get(), now)));
            visit = state.cross(route, request.gate(), request.direction(), now, request.lane(), false);
            crossing = state.crossings();
            state.refresh(pass.get());
        }
        log.saveAndFlush(CrossingLogEntry.vehicle(request, now, decision, token.valid() ? token.passId() : null,
                pass.orElse(null), visit, crossing, driverAnswer.scanId()));
    }

    private static String type(CrossingLogEntry entry) {
        String detail = entry.getDetail();
        return detail != null && detail.length() > CrossingLogEntry.DETAIL_VEHICLE.length()
                ? detail.substring(CrossingLogEntry.DETAIL_VEHICLE.length()) : null;
    }
}
