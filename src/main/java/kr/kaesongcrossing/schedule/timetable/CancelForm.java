package kr.kaesongcrossing.schedule.timetable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why one date's slot is cancelled: the travellers in it read it. */
record CancelForm(
        @NotBlank(message = "{schedule.admin.reason.required}")
                @Size(max = MAX_REASON, message = "{schedule.admin.reason.tooLong}") String reason) {

    /** As long as the database keeps (slot.cancel_reason, closed_day.reason). */
    static final int MAX_REASON = 200;
}
