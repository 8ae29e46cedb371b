package kr.kaesongcrossing.application;

import kr.kaesongcrossing.schedule.SlotKey;

/** A slot a trip still going ahead holds a seat in was cancelled: the office will move the traveller. */
public record TravellerSlotCancelled(long applicationId, String reference, long applicantAccountId, SlotKey slot,
        String reason) {
}
