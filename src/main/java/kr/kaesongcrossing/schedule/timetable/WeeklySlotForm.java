package kr.kaesongcrossing.schedule.timetable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import kr.kaesongcrossing.schedule.TravelDirection;

/** A time to add to the weekly timetable on some weekdays, at the first gate (KST), with its caps. */
record WeeklySlotForm(
        @NotNull(message = "{validation.required}") TravelDirection direction,
        @NotEmpty(message = "{schedule.admin.weekdays.required}") Set<DayOfWeek> weekdays,
        @NotNull(message = "{schedule.admin.time.invalid}")
                @Pattern(regexp = CapsForm.TIME, message = "{schedule.admin.time.invalid}") String time,
        @NotNull(message = "{schedule.admin.peopleCap.range}") @Min(value = 1, message = "{schedule.admin.peopleCap.range}")
                @Max(value = CapsForm.MAX, message = "{schedule.admin.peopleCap.range}") Integer peopleCap,
        @NotNull(message = "{schedule.admin.vehicleCap.range}") @Min(value = 0, message = "{schedule.admin.vehicleCap.range}")
                @Max(value = CapsForm.MAX, message = "{schedule.admin.vehicleCap.range}") Integer vehicleCap) {

    static WeeklySlotForm empty() {
        return new WeeklySlotForm(TravelDirection.NORTHBOUND, EnumSet.noneOf(DayOfWeek.class), "", 40, 20);
    }

    LocalTime departsAt() {
        return LocalTime.parse(time);
    }
}
