package kr.kaesongcrossing.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about travel approvals. */
@Service
public class TravelApprovals {

    private final TravelApplicationRepository applications;
    private final JdbcTemplate jdbc;

    TravelApprovals(TravelApplicationRepository applications, JdbcTemplate jdbc) {
        this.applications = applications;
        this.jdbc = jdbc;
    }

    /**
     * Whether the application is currently {@link ApplicationStatus#APPROVED_FOR_TRAVEL}. Read-only; runs inside
     * the caller's transaction when there is one (and sees what that transaction sees), without one otherwise.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean isApprovedForTravel(long applicationId) {
        return applications.existsByIdAndStatus(applicationId, ApplicationStatus.APPROVED_FOR_TRAVEL);
    }

    /**
     * What a gate asks about a trip, read in one statement: whether it is approved for travel, whether screening
     * holds it, its slot in {@code direction} (empty for a trip from before slots) and whether the counterpart
     * consented to that slot for it (only while approved, as {@link #hasConsentFor}). A trip that does not exist is
     * neither approved nor held and has no slot. Read-only, in the caller's transaction when there is one.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public TripAtGate atGate(long applicationId, TravelDirection direction) {
        return jdbc.query(atGateQuery(direction, "= ?"), TravelApprovals::tripAtGate, applicationId).stream()
                .findFirst().orElse(TripAtGate.UNKNOWN);
    }

    /** {@link #atGate} of several trips in one statement (a station's upload), by trip id. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, TripAtGate> atGate(Collection<Long> applicationIds, TravelDirection direction) {
        Map<Long, TripAtGate> trips = new HashMap<>();
        if (!applicationIds.isEmpty()) {
            jdbc.query(atGateQuery(direction, "IN (" + String.join(",", Collections.nCopies(applicationIds.size(), "?"))
                    + ")"), (RowCallbackHandler) rs -> trips.put(rs.getLong(1), tripAtGate(rs, 0)),
                    applicationIds.toArray());
        }
        applicationIds.forEach(id -> trips.putIfAbsent(id, TripAtGate.UNKNOWN));
        return trips;
    }

    private static String atGateQuery(TravelDirection direction, String idCondition) {
        String slot = direction == TravelDirection.NORTHBOUND ? "a.northbound_slot" : "a.southbound_slot";
        return "SELECT a.id, a.status, a.watchlist_hold, " + slot + ", EXISTS (SELECT 1 FROM slot_consent c "
                + "WHERE c.application_id = a.id AND c.slot = " + slot + ") FROM travel_application a WHERE a.id "
                + idCondition;
    }

    private static TripAtGate tripAtGate(ResultSet rs, int row) throws SQLException {
        boolean approved = ApplicationStatus.APPROVED_FOR_TRAVEL.name().equals(rs.getString(2));
        return new TripAtGate(approved, rs.getBoolean(3), SlotKey.parse(rs.getString(4)), approved && rs.getBoolean(5));
    }

    /** A trip as a gate sees it (see {@link #atGate}). */
    public record TripAtGate(boolean approved, boolean heldByScreening, Optional<SlotKey> slot, boolean consented) {

        static final TripAtGate UNKNOWN = new TripAtGate(false, false, Optional.empty(), false);
    }

    /** Planned trips that are in the Kaesong zone, or travel, on some day from {@code first} to {@code last}. */
    @Transactional(readOnly = true)
    public List<PlannedTrip> plannedTrips(LocalDate first, LocalDate last) {
        return applications.findPlannedTrips(Arrays.stream(ApplicationStatus.values())
                .filter(ApplicationStatus::isPlannedTrip).toList(), first, last);
    }

    /**
     * Whether the trip may cross in {@code slot} as far as consent goes: the counterpart consented to it for that
     * slot (its consent list for the slot) and the trip is still approved for travel. A trip moved to another slot
     * needs that slot's consent. Read-only, in the caller's transaction when there is one.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean hasConsentFor(long applicationId, SlotKey slot) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM slot_consent c JOIN travel_application a "
                + "ON a.id = c.application_id WHERE c.application_id = ? AND c.slot = ? AND a.status = ?",
                Integer.class, applicationId, slot.toString(), ApplicationStatus.APPROVED_FOR_TRAVEL.name()) > 0;
    }

    /**
     * The slot the trip holds (or asks for) in {@code direction}, empty for a trip from before slots. Read-only, in
     * the caller's transaction when there is one.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<SlotKey> slotOf(long applicationId, TravelDirection direction) {
        return jdbc.query("SELECT " + (direction == TravelDirection.NORTHBOUND ? "northbound_slot" : "southbound_slot")
                + " FROM travel_application WHERE id = ?", (rs, row) -> SlotKey.parse(rs.getString(1)), applicationId)
                .stream().findFirst().flatMap(slot -> slot);
    }

    /**
     * The travellers of trips approved for travel that hold a seat in {@code slot}, by name (never an ID number):
     * who the gates expect in it.
     */
    @Transactional(readOnly = true)
    public List<SlotTraveller> travellersIn(SlotKey slot) {
        return jdbc.query("SELECT a.id, a.name_korean, a.name_latin FROM slot s "
                + "JOIN slot_booking b ON b.slot_id = s.id JOIN travel_application a ON a.id = b.application_id "
                + "WHERE s.direction = ? AND s.slot_date = ? AND s.departs_at = ? AND a.status = ? "
                + "ORDER BY a.name_latin, a.id", (rs, row) -> new SlotTraveller(rs.getLong(1), rs.getString(2),
                        rs.getString(3)), slot.direction().name(), slot.date(), slot.departsAt(),
                ApplicationStatus.APPROVED_FOR_TRAVEL.name());
    }

    /**
     * The crossing booked on a standing permit for {@code date} in {@code direction}, still holding its seat: the
     * one approved for travel first. Read-only, in the caller's transaction when there is one.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Long> permitTrip(long permitId, TravelDirection direction, LocalDate date) {
        return jdbc.query("SELECT a.id FROM travel_application a JOIN slot_booking b ON b.application_id = a.id "
                + "JOIN slot s ON s.id = b.slot_id WHERE a.permit_id = ? AND s.direction = ? AND s.slot_date = ? "
                + "AND a.status IN (?, ?) ORDER BY CASE WHEN a.status = ? THEN 0 ELSE 1 END, s.departs_at",
                (rs, row) -> rs.getLong(1), permitId, direction.name(), date,
                ApplicationStatus.APPROVED_FOR_TRAVEL.name(), ApplicationStatus.AWAITING_CONSENT.name(),
                ApplicationStatus.APPROVED_FOR_TRAVEL.name()).stream().findFirst();
    }

    /** The slots chosen by each of these trips (unknown ids are left out). */
    @Transactional(readOnly = true)
    public List<TripSlots> tripSlots(Collection<Long> applicationIds) {
        return applications.findAllById(applicationIds).stream().map(a -> new TripSlots(a.getId(),
                a.getNorthboundSlot() != null, a.getSouthboundSlot() != null,
                a.getSouthboundSlot() != null ? a.getSouthboundSlot().date() : a.getReturnDate())).toList();
    }
}
