package kr.kaesongcrossing.application.review;

import java.util.List;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;

/**
 * One direction of a trip on the officer's page: the slot asked for, the seat held (null: none; late when added
 * after the list closed), the date's slots to move it to, and whether the date's list has closed.
 */
public record TripSlots(TravelDirection direction, SlotKey chosen, Booking held, List<Slot> options, boolean listClosed) {
}
