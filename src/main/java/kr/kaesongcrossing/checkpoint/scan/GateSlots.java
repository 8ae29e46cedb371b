package kr.kaesongcrossing.checkpoint.scan;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpSession;
import kr.kaesongcrossing.checkpoint.GateSlot;
import kr.kaesongcrossing.application.SlotTraveller;
import kr.kaesongcrossing.application.TravelApprovals;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station's view of the slots at its gate and direction: the slot whose window is open now, who is expected
 * in it, who has crossed here in it, who is still missing, and the next slot. Today's slots, the slot's travellers
 * and its accepted scans here: a few indexed queries per page.
 */
@Component
public class GateSlots {

    private final Slots slots;
    private final TravelApprovals approvals;
    private final ScanRules rules;
    private final JdbcTemplate jdbc;
    private final Route route;
    private final Clock clock;

    GateSlots(Slots slots, TravelApprovals approvals, ScanRules rules, JdbcTemplate jdbc, Clock clock, Route route) {
        this.route = route;
        this.slots = slots;
        this.approvals = approvals;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a signed-in station works (kept in its session), or empty when it has not chosen. */
    public record Place(Gate gate, Direction direction) {
    }

    /** The station of this session, as the scan station keeps it. */
    public Optional<Place> placeOf(HttpSession session) {
        return ScanStationController.Station.of(session, route).map(s -> new Place(s.gate(), s.direction()));
    }

    @Transactional(readOnly = true)
    public GateSlot at(Place place) {
        return at(place.gate(), place.direction());
    }

    /** The slot view at the gate and direction the station in this session works in; empty before it is set up. */
    @Transactional(readOnly = true)
    public Optional<GateSlot> atStation(HttpSession session) {
        return placeOf(session).map(this::at);
    }

    @Transactional(readOnly = true)
    GateSlot at(Gate gate, Direction direction) {
        if (!rules.checksSlots()) {
            return new GateSlot(gate.name(), direction.name(), false, null, null, null, 0, 0, List.of(), null);
        }
        Instant now = clock.instant();
        SlotWindow window = rules.slotWindow();
        LocalDate today = OfficeTime.today(clock);
        // from yesterday's to tomorrow's: a window stays open across midnight, and the next slot may be tomorrow's
        List<SlotKey> keys = Stream.of(today.minusDays(1), today, today.plusDays(1))
                .flatMap(day -> slots.on(day, direction.travel()).stream()).filter(s -> !s.cancelled())
                .map(Slot::key).toList();
        Optional<SlotKey> current = keys.stream().filter(k -> window.admits(TripSlot.departsAt(k), now))
                .reduce((first, second) -> second);
        Instant after = current.map(TripSlot::departsAt).orElse(now.plus(window.before()));
        SlotKey next = keys.stream().filter(k -> TripSlot.departsAt(k).isAfter(after)).findFirst().orElse(null);
        if (current.isEmpty()) {
            return new GateSlot(gate.name(), direction.name(), true, null, null, null, 0, 0, List.of(), next);
        }
        SlotKey slot = current.get();
        List<SlotTraveller> expected = approvals.travellersIn(slot);
        Set<Long> arrived = new HashSet<>(jdbc.queryForList("SELECT DISTINCT application_id FROM crossing_log "
                + "WHERE slot = ? AND gate = ? AND direction = ? AND result = 'ACCEPTED'", Long.class,
                slot.toString(), gate.name(), direction.name()));
        List<SlotTraveller> missing = expected.stream().filter(t -> !arrived.contains(t.applicationId())).toList();
        return new GateSlot(gate.name(), direction.name(), true, slot,
                time(TripSlot.departsAt(slot).minus(window.before())),
                time(TripSlot.departsAt(slot).plus(window.after())),
                expected.size(), expected.size() - missing.size(), missing, next);
    }

    private static String time(Instant instant) {
        return LocalTime.ofInstant(instant, OfficeTime.ZONE).toString();
    }
}
