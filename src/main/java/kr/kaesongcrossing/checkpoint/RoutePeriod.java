package kr.kaesongcrossing.checkpoint;

import java.time.Instant;
import java.time.LocalDate;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * A mode in force from {@code from} up to, not including, {@code until} (null: until further notice).
 * The one place that says which planned trips a mode meets.
 */
public record RoutePeriod(RouteMode mode, Instant from, Instant until) {

    /**
     * Whether a trip planned northbound on {@code entryDate} and southbound on {@code returnDate} (KST days) meets
     * this period: its northbound day overlaps a period that is not OPEN, or its southbound day a CLOSED one.
     */
    public boolean meets(LocalDate entryDate, LocalDate returnDate) {
        return !mode.northboundAllowed() && overlaps(entryDate) || !mode.southboundAllowed() && overlaps(returnDate);
    }

    private boolean overlaps(LocalDate day) {
        return day != null && OfficeTime.endOfDay(day).isAfter(from)
                && (until == null || OfficeTime.startOfDay(day).isBefore(until));
    }
}
