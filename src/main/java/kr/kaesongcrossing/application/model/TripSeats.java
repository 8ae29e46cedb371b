package kr.kaesongcrossing.application.model;

import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A trip's seats in the schedule follow its application: held in the chosen slots at submission, given back when the
 * trip ends (rejected, withdrawn, approval revoked, consent refused). Both in the transaction of the change.
 */
@Component
public class TripSeats {

    private final Slots slots;

    TripSeats(Slots slots) {
        this.slots = slots;
    }

    /**
     * Holds seats in the slots the application asks for, where it does not hold that seat already: a resubmission
     * with unchanged slots keeps its seats, even after their lists closed.
     *
     * @throws kr.kaesongcrossing.system.Refusal from {@link Slots#hold} when a slot is full, closed or unavailable
     */
    public void holdChosen(TravelApplication application) {
        for (TravelDirection direction : TravelDirection.values()) {
            SlotKey wanted = application.slot(direction);
            boolean held = slots.bookings(application.getId()).stream()
                    .anyMatch(b -> b.slot().equals(wanted) && b.vehicles() == application.vehicles());
            if (!held) {
                slots.hold(application.getId(), wanted, application.vehicles());
            }
        }
    }

    /** An officer's move or late addition: the list's cut-off does not apply, a late one keeps its reason. */
    public void holdForOfficer(TravelApplication application, SlotKey slot, String reason) {
        slots.holdLate(application.getId(), slot, application.vehicles(), reason);
    }

    /** The trip's seats, northbound first. */
    public List<Booking> bookings(long applicationId) {
        return slots.bookings(applicationId);
    }

    /** The seat the trip holds in that direction, if any. */
    public Optional<Booking> held(long applicationId, TravelDirection direction) {
        return slots.bookings(applicationId).stream().filter(b -> b.slot().direction() == direction).findFirst();
    }

    /** Published in the transaction of the change (synchronously), so the seats go back with it or not at all. */
    @EventListener
    void on(ApplicationStatusChanged event) {
        if (event.to().isFinal()) {
            slots.release(event.applicationId());
        }
    }
}
