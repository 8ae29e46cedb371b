package kr.kaesongcrossing.audit;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** An export's date range: office (KST) days, both included, at most a year. */
record AuditExportForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    static final int MAX_DAYS = 366;

    /** The last day on or after the first, at most {@value #MAX_DAYS} days in all; both must be given. */
    boolean rangeAllowed() {
        return !to.isBefore(from) && !to.isAfter(from.plusDays(MAX_DAYS - 1));
    }
}
