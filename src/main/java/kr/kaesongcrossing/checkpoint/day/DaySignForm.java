package kr.kaesongcrossing.checkpoint.day;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A sign-off as sent: the office day (KST) and an optional note. */
record DaySignForm(
        @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
        @Size(max = DaySignOff.MAX_NOTE) String note) {
}
