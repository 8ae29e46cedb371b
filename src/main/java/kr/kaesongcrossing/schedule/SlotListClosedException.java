package kr.kaesongcrossing.schedule;

import java.time.Instant;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.Refusal;

/** Refused: the slot's list is closed. */
public class SlotListClosedException extends Refusal {

    public SlotListClosedException(SlotKey slot, Instant closedAt) {
        super("the slot's list is closed: " + slot, "schedule.refused.listClosed", slot.date() + " " + slot.departsAt(),
                OfficeTime.minutes(closedAt));
    }
}
