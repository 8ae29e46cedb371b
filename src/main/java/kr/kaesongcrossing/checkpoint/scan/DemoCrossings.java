package kr.kaesongcrossing.checkpoint.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.application.TravellerCrossed;
import kr.kaesongcrossing.checkpoint.log.CrossingLogEntry;
import kr.kaesongcrossing.checkpoint.log.CrossingLogRepository;
import kr.kaesongcrossing.pass.PassForScan;
import kr.kaesongcrossing.pass.PassVerifier;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only, after the demo trips: the crossings of the demo working day. Every approved trip that began
 * before today (KST) crossed northbound on its entry day, through each gate of the route in turn, and is inside
 * the zone; the first trip due back today left the zone gate two hours ago and is still on the road (in transit,
 * beyond the transit alert, when the route has two gates). These are past crossings, so they are written through
 * the presence and log entities with their own times, not judged by the scan rules (which would call a scan of
 * yesterday stale). Runs once: skipped when the demo lane has crossings.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "kc.demo.enabled", havingValue = "true")
class DemoCrossings implements ApplicationRunner {

    static final ScanRequest.Operator LANE_OFFICER = new ScanRequest.Operator(null, null, "박지훈 (데모)");
    private static final String LANE = "1";

    private final JdbcTemplate jdbc;
    private final PassVerifier passes;
    private final PassPresenceRepository presences;
    private final CrossingLogRepository log;
    private final Route route;
    private final TravelApprovals approvals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoCrossings(JdbcTemplate jdbc, PassVerifier passes, PassPresenceRepository presences, CrossingLogRepository log,
            Route route, TravelApprovals approvals, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.passes = passes;
        this.presences = presences;
        this.log = log;
        this.route = route;
        this.approvals = approvals;
        this.events = events;
        this.clock = clock;
    }

    record Trip(long applicationId, LocalDate entry, LocalDate back) {
    }

    @Override
    @RetryOnWriteConflict
    @Transactional
    public void run(ApplicationArguments args) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM crossing_log WHERE operator_name = ?",
                Integer.class, LANE_OFFICER.name());
        if (done != null && done > 0) {
            return;
        }
        LocalDate today = OfficeTime.today(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Trip> trips = jdbc.query("SELECT application_id, entry_date, return_date FROM checkpoint_trip "
                + "WHERE entry_date < ? ORDER BY application_id", (rs, n) -> new Trip(rs.getLong(1),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)), today);
        boolean onTheRoad = false;
        for (Trip trip : trips) {
            PassForScan pass = passes.currentFor(trip.applicationId()).orElse(null);
            if (pass == null) {
                continue;
            }
            // ten minutes after their northbound slot's time (at the first gate), or 08:40 for a trip without one
            Optional<SlotKey> north = approvals.slotOf(trip.applicationId(), TravelDirection.NORTHBOUND);
            Instant at = trip.entry().atTime(north.map(SlotKey::departsAt).orElse(LocalTime.of(8, 30)))
                    .plusMinutes(10).atZone(OfficeTime.ZONE).toInstant();
            for (Gate gate : route.gates()) {
                cross(pass, gate, Direction.NORTHBOUND, at, north.orElse(null));
                at = at.plus(Duration.ofMinutes(25));
            }
            if (!onTheRoad && today.equals(trip.back()) && route.gates().size() > 1) {
                cross(pass, route.zoneGate(), Direction.SOUTHBOUND, now.minus(Duration.ofHours(2)),
                        approvals.slotOf(trip.applicationId(), TravelDirection.SOUTHBOUND).orElse(null));
                onTheRoad = true;
            }
        }
    }

    private void cross(PassForScan pass, Gate gate, Direction direction, Instant at, SlotKey slot) {
        PassPresence state = presences.findById(pass.passId())
                .orElseGet(() -> presences.save(PassPresence.south(pass, at)));
        int visit = state.cross(route, gate, direction, at, LANE, false);
        state.refresh(pass);
        log.save(CrossingLogEntry.scan(new ScanRequest("demo-" + UUID.randomUUID(), null, gate, direction, LANE, at,
                LANE_OFFICER), at, ScanDecision.ACCEPT, pass.passId(), pass, visit, state.crossings(), slot));
        events.publishEvent(new TravellerCrossed(pass.applicationId(), state.position().across()));
    }
}
