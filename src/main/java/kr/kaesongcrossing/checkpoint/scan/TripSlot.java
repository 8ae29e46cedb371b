package kr.kaesongcrossing.checkpoint.scan;

import java.time.Instant;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * The trip's slot in the scan's direction, as the gate judges it: which one ({@code key}, null when the trip has
 * none, as trips from before slots) and whether the counterpart consented to the trip crossing in it.
 */
public record TripSlot(SlotKey key, boolean consented) {

    /** No slot: a trip from before slots, or a gate running without slot checks. */
    public static final TripSlot NONE = new TripSlot(null, false);

    /** When the slot leaves the first gate of its direction. */
    Instant departsAt() {
        return departsAt(key);
    }

    static Instant departsAt(SlotKey key) {
        return key.date().atTime(key.departsAt()).atZone(OfficeTime.ZONE).toInstant();
    }
}
