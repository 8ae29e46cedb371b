package kr.kaesongcrossing.schedule;

import java.time.Instant;

/** A trip's seat in a slot, with the vehicles it brings; {@code lateReason} when an officer added it late. */
public record Booking(long applicationId, SlotKey slot, int vehicles, String lateReason, Instant bookedAt) {

    public boolean late() {
        return lateReason != null;
    }
}
