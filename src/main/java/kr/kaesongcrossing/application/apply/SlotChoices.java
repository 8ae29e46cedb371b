package kr.kaesongcrossing.application.apply;

import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.TravelDirection;

/**
 * The slots of one direction of the trip as the form offers them: the date's slots with seats left, whether each
 * can still be picked, when the date's list closes, and, when a slot is full, the next slots with room.
 *
 * @param field   the form field ({@code northboundSlot} or {@code southboundSlot})
 * @param date    the entry or return date; null when not chosen yet
 * @param chosen  the key the form carries, as text
 * @param listClosesAt when the date's lists close, KST, as the page shows it
 */
public record SlotChoices(String field, TravelDirection direction, LocalDate date, String chosen, String listClosesAt,
        boolean listClosed, List<Option> options, List<Slot> alternatives) {

    /** A slot of the date; {@code held}: the trip's own seat is in it (so it stays selectable). */
    public record Option(Slot slot, boolean held, boolean pickable) {

        public String value() {
            return slot.key().toString();
        }
    }
}
