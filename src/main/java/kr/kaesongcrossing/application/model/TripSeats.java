package kr.kaesongcrossing.application.model;

import java.util.Comparator;
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

    /**
     * Holds the seats of several trips at once (a group): all of them, or, when one slot has no room left, none (the
     * refusal rolls the caller's transaction back). Taken in one order (direction, date, time) so that two groups
     * racing for the same slots queue up on the first one instead of deadlocking.
     *
     * @throws kr.kaesongcrossing.system.Refusal from {@link Slots#hold} when a slot is full, closed or unavailable
     */
    public void holdAll(List<TravelApplication> trips) {
        record Seat(TravelApplication trip, SlotKey slot) {
        }
        trips.stream().flatMap(t -> java.util.Arrays.stream(TravelDirection.values()).map(d -> new Seat(t, t.slot(d))))
                .sorted(Comparator.comparing((Seat s) -> s.slot().direction()).thenComparing(s -> s.slot().date())
                        .thenComparing(s -> s.slot().departsAt()))
                .forEach(s -> slots.hold(s.trip().getId(), s.slot(), s.trip().vehicles()));
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
