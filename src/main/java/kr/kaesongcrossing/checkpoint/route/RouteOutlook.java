package kr.kaesongcrossing.checkpoint.route;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.checkpoint.RoutePeriod;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * The route from now on: the mode in force (from now) and the changes to come, as periods in order. What the staff
 * banner and the applicants' notices show.
 */
public record RouteOutlook(RoutePeriod current, String currentReason, List<RoutePeriod> upcoming) {

    /** {@code changes}: the one in force at {@code now} (if any) and those to come, ordered by start then id. */
    static RouteOutlook of(List<RouteModeChange> changes, Instant now) {
        RouteMode mode = RouteMode.OPEN;
        String reason = null;
        List<RouteModeChange> later = new ArrayList<>();
        for (RouteModeChange change : changes) {
            if (change.getStartsAt().isAfter(now)) {
                later.add(change);
            } else {
                mode = change.getMode();
                reason = change.getReason();
            }
        }
        List<RoutePeriod> upcoming = new ArrayList<>();
        for (int i = 0; i < later.size(); i++) {
            upcoming.add(new RoutePeriod(later.get(i).getMode(), later.get(i).getStartsAt(),
                    i + 1 < later.size() ? later.get(i + 1).getStartsAt() : null));
        }
        return new RouteOutlook(new RoutePeriod(mode, now, later.isEmpty() ? null : later.get(0).getStartsAt()),
                reason, List.copyOf(upcoming));
    }

    /** The staff banner is shown while the route is not OPEN or a change is coming. */
    public boolean shown() {
        return current.mode() != RouteMode.OPEN || !upcoming.isEmpty();
    }

    public RoutePeriod next() {
        return upcoming.isEmpty() ? null : upcoming.get(0);
    }

    /** The first period from now on that meets a trip planned on these days, or null. */
    public RoutePeriod meeting(LocalDate entryDate, LocalDate returnDate) {
        if (current.meets(entryDate, returnDate)) {
            return current;
        }
        return upcoming.stream().filter(p -> p.meets(entryDate, returnDate)).findFirst().orElse(null);
    }

    /** "yyyy-MM-dd HH:mm" (KST) of a period's start. */
    public String startText(RoutePeriod period) {
        return OfficeTime.minutes(period.from());
    }
}
