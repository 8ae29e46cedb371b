package kr.kaesongcrossing.application;

import java.time.LocalDate;

/**
 * The slots a trip chose, as the checkpoint's day close needs them: whether it has a northbound (출경) and a
 * southbound (입경) slot, and the day its traveller is due back south (the southbound slot's date, else the planned
 * return date).
 */
public record TripSlots(long applicationId, boolean northboundSlot, boolean southboundSlot, LocalDate dueBack) {
}
