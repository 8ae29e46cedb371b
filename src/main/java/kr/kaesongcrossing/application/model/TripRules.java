package kr.kaesongcrossing.application.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The date rules of a trip. Pure: today is given (the calendar date in Asia/Seoul). */
public final class TripRules {

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    static final int MAX_DAYS_AHEAD = 365;

    /** A broken rule: the field, the message key and its arguments. */
    public record Violation(String field, String code, Object... args) {
    }

    private final int minDaysAhead;
    private final int maxStayDays;

    TripRules(int minDaysAhead, int maxStayDays) {
        this.minDaysAhead = minDaysAhead;
        this.maxStayDays = maxStayDays;
    }

    public TripRules(ApplicationSettings settings) {
        this(settings.minDaysAhead(), settings.maxStayDays());
    }

    /** Checks the dates that are present; a missing date is the caller's concern (required or not). */
    public List<Violation> check(LocalDate dateOfBirth, LocalDate entry, LocalDate ret, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (dateOfBirth != null) {
            if (!dateOfBirth.isBefore(today)) {
                violations.add(new Violation("dateOfBirth", "application.error.dateOfBirth.past"));
            } else if (dateOfBirth.isBefore(EARLIEST_BIRTH)) {
                violations.add(new Violation("dateOfBirth", "application.error.dateOfBirth.tooOld"));
            }
        }
        if (entry != null) {
            LocalDate earliest = earliestEntry(today);
            if (entry.isBefore(earliest)) {
                violations.add(new Violation("entryDate", "application.error.entryDate.tooSoon", minDaysAhead,
                        earliest.toString()));
            } else if (entry.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                violations.add(new Violation("entryDate", "application.error.entryDate.tooFar", MAX_DAYS_AHEAD));
            }
        }
        if (entry != null && ret != null) {
            if (ret.isBefore(entry)) {
                violations.add(new Violation("returnDate", "application.error.returnDate.beforeEntry"));
            } else if (stayDays(entry, ret) > maxStayDays) {
                violations.add(new Violation("returnDate", "application.error.returnDate.tooLong", maxStayDays));
            }
        }
        return violations;
    }

    LocalDate earliestEntry(LocalDate today) {
        return today.plusDays(minDaysAhead);
    }

    /** Days of the stay counting both the entry and the return day. */
    static long stayDays(LocalDate entry, LocalDate ret) {
        return ChronoUnit.DAYS.between(entry, ret) + 1;
    }

    int maxStayDays() {
        return maxStayDays;
    }
}
