package kr.kaesongcrossing.schedule;

import kr.kaesongcrossing.system.Refusal;

/** Refused: no seat or vehicle place left in the slot. */
public class SlotFullException extends Refusal {

    public SlotFullException(SlotKey slot) {
        super("no seat or vehicle place left in the slot: " + slot, "schedule.refused.full", slot.date() + " " + slot.departsAt());
    }
}
