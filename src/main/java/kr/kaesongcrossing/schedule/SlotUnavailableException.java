package kr.kaesongcrossing.schedule;

import kr.kaesongcrossing.system.Refusal;

/** Refused: the slot is not in the schedule or was cancelled. */
public class SlotUnavailableException extends Refusal {

    public SlotUnavailableException(SlotKey slot) {
        super("the slot is not in the schedule or was cancelled: " + slot, "schedule.refused.unavailable", slot.date() + " " + slot.departsAt());
    }
}
