package kr.kaesongcrossing.application.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.Slot;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.stereotype.Component;

/** Builds the slot choices of the application form from the schedule as it stands. */
@Component
class SlotPicker {

    private static final int ALTERNATIVES = 3;

    private final Slots slots;
    private final Clock clock;

    SlotPicker(Slots slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    /** Both directions: northbound on {@code entry}, southbound on {@code ret}; {@code held} the trip's seats. */
    List<SlotChoices> both(LocalDate entry, LocalDate ret, boolean vehicle, String northChosen, String southChosen,
            List<Booking> held) {
        return List.of(choices("northboundSlot", TravelDirection.NORTHBOUND, entry, vehicle, northChosen, held),
                choices("southboundSlot", TravelDirection.SOUTHBOUND, ret, vehicle, southChosen, held));
    }

    private SlotChoices choices(String field, TravelDirection direction, LocalDate date, boolean vehicle,
            String chosen, List<Booking> held) {
        if (date == null) {
            return new SlotChoices(field, direction, null, chosen, null, false, List.of(), List.of());
        }
        int vehicles = vehicle ? 1 : 0;
        Instant now = clock.instant();
        Instant closesAt = slots.listClosesAt(date);
        boolean closed = !now.isBefore(closesAt);
        List<SlotChoices.Option> options = slots.on(date, direction).stream().map(slot -> {
            boolean own = held.stream().anyMatch(b -> b.slot().equals(slot.key()));
            return new SlotChoices.Option(slot, own, own || (!closed && slot.fits(vehicles)));
        }).toList();
        List<Slot> alternatives = options.stream()
                .filter(o -> !o.pickable() && !closed && !o.slot().cancelled())
                .findFirst()
                .map(full -> slots.nextWithRoom(full.slot().key(), vehicles, ALTERNATIVES))
                .orElse(List.of());
        return new SlotChoices(field, direction, date, chosen, OfficeTime.minutes(closesAt), closed, options,
                alternatives);
    }
}
