package kr.kaesongcrossing.application;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.springframework.jdbc.core.JdbcTemplate;
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
     * Whether screening holds the trip: a possible watch-list match is open on it (its traveller may have been
     * listed after approval). One primary-key look-up; read-only, in the caller's transaction when there is one.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean isHeldByScreening(long applicationId) {
        return applications.existsByIdAndWatchlistHoldTrue(applicationId);
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
