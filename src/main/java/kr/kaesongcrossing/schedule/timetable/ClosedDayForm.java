package kr.kaesongcrossing.schedule.timetable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A day to close (a holiday, the route shut), with the reason the office and the travellers read. */
record ClosedDayForm(
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
        @NotBlank(message = "{schedule.admin.reason.required}") @Size(max = CancelForm.MAX_REASON, message = "{schedule.admin.reason.tooLong}") String reason) {

    static ClosedDayForm empty() {
        return new ClosedDayForm(null, "");
    }
}
