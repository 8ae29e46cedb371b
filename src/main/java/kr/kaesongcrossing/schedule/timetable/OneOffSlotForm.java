package kr.kaesongcrossing.schedule.timetable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.LocalTime;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.TravelDirection;
import org.springframework.format.annotation.DateTimeFormat;

/** A slot for one date only, outside the weekly timetable. */
record OneOffSlotForm(
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @NotNull(message = "{validation.required}") TravelDirection direction,
        @NotNull(message = "{schedule.admin.time.invalid}")
                @Pattern(regexp = CapsForm.TIME, message = "{schedule.admin.time.invalid}") String time,
        @NotNull(message = "{schedule.admin.peopleCap.range}") @Min(value = 1, message = "{schedule.admin.peopleCap.range}")
                @Max(value = CapsForm.MAX, message = "{schedule.admin.peopleCap.range}") Integer peopleCap,
        @NotNull(message = "{schedule.admin.vehicleCap.range}") @Min(value = 0, message = "{schedule.admin.vehicleCap.range}")
                @Max(value = CapsForm.MAX, message = "{schedule.admin.vehicleCap.range}") Integer vehicleCap) {

    static OneOffSlotForm empty(LocalDate date) {
        return new OneOffSlotForm(date, TravelDirection.NORTHBOUND, "", 40, 20);
    }

    SlotKey key() {
        return new SlotKey(direction, date, LocalTime.parse(time));
    }
}
