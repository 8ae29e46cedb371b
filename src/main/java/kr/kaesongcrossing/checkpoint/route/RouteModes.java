package kr.kaesongcrossing.checkpoint.route;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.checkpoint.RouteModeChanged;
import kr.kaesongcrossing.checkpoint.RoutePeriod;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The route's mode: which one is in force when, and changing it (SUPERVISOR or ADMIN, checked by the page rules). */
@Service
public class RouteModes {

    /** More scheduled changes than this are not shown on the banner nor met by notices (never seen in practice). */
    private static final int OUTLOOK_LIMIT = 20;
    private static final int HISTORY_PAGE = 20;

    private final RouteModeChangeRepository changes;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    RouteModes(RouteModeChangeRepository changes, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.changes = changes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The mode in force at {@code at}; OPEN before any change. Joins the caller's transaction (e.g. a scan's). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public RouteMode inForce(Instant at) {
        return changes.findFirstByCancelledAtIsNullAndStartsAtLessThanEqualOrderByStartsAtDescIdDesc(at)
                .map(RouteModeChange::getMode).orElse(RouteMode.OPEN);
    }

    /** The mode now and the changes to come: one indexed query. */
    @Transactional(readOnly = true)
    public RouteOutlook outlook() {
        Instant now = clock.instant();
        return RouteOutlook.of(changes.findFrom(now, Limit.of(OUTLOOK_LIMIT)), now);
    }

    @Transactional(readOnly = true)
    Page<RouteModeChange> history(int page) {
        return changes.findAllByOrderByChangedAtDescIdDesc(PageRequest.of(Math.max(page, 0), HISTORY_PAGE));
    }

    /**
     * Sets {@code mode} from {@code startsAt} (null: now) and publishes {@link RouteModeChanged} with the period it
     * is in force for, as far as is known now (until the next change already scheduled after it).
     */
    @RetryOnWriteConflict
    @Transactional
    RouteModeChange change(RouteMode mode, Instant startsAt, String reason, long byId, String byName) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RouteModeChange change = changes.saveAndFlush(
                new RouteModeChange(mode, startsAt == null ? now : startsAt, reason, byId, byName, now));
        Instant until = changes.findFrom(change.getStartsAt(), Limit.of(OUTLOOK_LIMIT)).stream()
                .map(RouteModeChange::getStartsAt).filter(start -> start.isAfter(change.getStartsAt()))
                .findFirst().orElse(null);
        events.publishEvent(new RouteModeChanged(change.getId(),
                new RoutePeriod(mode, change.getStartsAt(), until), change.getReason(), now));
        audit.record("route.mode-changed", Subject.of("route-change", change.getId()),
                "mode=" + mode + " startsAt=" + change.getStartsAt());
        return change;
    }

    /** Cancels a change that has not begun yet. */
    @RetryOnWriteConflict
    @Transactional
    void cancel(long id, String byName) {
        changes.findById(id).orElseThrow(() -> new RouteChangeRefused("no such change",
                "checkpoint.route.refused.cancel")).cancel(byName, clock.instant());
        audit.record("route.change-cancelled", Subject.of("route-change", id), null);
    }
}
