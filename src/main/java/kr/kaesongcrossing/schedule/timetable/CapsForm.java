package kr.kaesongcrossing.schedule.timetable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** New caps of a timetable time or of one date's slot. */
record CapsForm(
        @NotNull(message = "{schedule.admin.peopleCap.range}") @Min(value = 1, message = "{schedule.admin.peopleCap.range}")
                @Max(value = MAX, message = "{schedule.admin.peopleCap.range}") Integer peopleCap,
        @NotNull(message = "{schedule.admin.vehicleCap.range}") @Min(value = 0, message = "{schedule.admin.vehicleCap.range}")
                @Max(value = MAX, message = "{schedule.admin.vehicleCap.range}") Integer vehicleCap) {

    /** The largest cap a slot may have (the North's cap after 2008 was 250 people and 150 vehicles). */
    static final int MAX = 999;

    /** A time of day as a time input sends it: HH:mm, 00:00 to 23:59. */
    static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
}
