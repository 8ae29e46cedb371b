package kr.kaesongcrossing.checkpoint.scan;

import java.time.Duration;
import java.time.Instant;

/**
 * When a traveller may cross in their slot: from {@code before} ahead of the slot's time to {@code after} past it,
 * both ends included ({@code kc.schedule.gate-window-before}, default 30 min; {@code -after}, default 90 min).
 * {@code checked} is {@code kc.schedule.gate-checks}: false judges scans as before slots existed.
 */
public record SlotWindow(boolean checked, Duration before, Duration after) {

    public SlotWindow {
        if (before.isNegative() || after.isNegative()) {
            throw new IllegalArgumentException("the slot window must not be negative");
        }
    }

    /** A gate without slot checks. */
    static SlotWindow off() {
        return new SlotWindow(false, Duration.ZERO, Duration.ZERO);
    }

    /** Whether {@code at} is within the window of a slot leaving at {@code departsAt}. */
    boolean admits(Instant departsAt, Instant at) {
        return !at.isBefore(departsAt.minus(before)) && !at.isAfter(departsAt.plus(after));
    }
}
