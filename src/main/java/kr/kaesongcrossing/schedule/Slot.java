package kr.kaesongcrossing.schedule;

import java.time.Instant;

/**
 * A slot of a date as it stands: its caps, the seats and vehicle places held, and when its list closes (after
 * that only an officer adds a traveller, as late). A slot that is only in the timetable has nothing held.
 */
public record Slot(SlotKey key, int peopleCap, int vehicleCap, int peopleBooked, int vehiclesBooked,
        boolean cancelled, Instant listClosesAt) {

    public int seatsLeft() {
        return Math.max(0, peopleCap - peopleBooked);
    }

    public int vehicleSpaceLeft() {
        return Math.max(0, vehicleCap - vehiclesBooked);
    }

    /** Whether one more traveller with {@code vehicles} vehicles fits. */
    public boolean fits(int vehicles) {
        return !cancelled && seatsLeft() >= 1 && vehicleSpaceLeft() >= vehicles;
    }

    public boolean listClosed(Instant now) {
        return !now.isBefore(listClosesAt);
    }
}
