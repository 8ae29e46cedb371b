package kr.kaesongcrossing.checkpoint.route;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import kr.kaesongcrossing.checkpoint.RouteMode;
import kr.kaesongcrossing.system.OfficeTime;

/** One change of the route's mode, kept for good: who set it, when, why, from when; maybe cancelled before it began. */
@Entity
@Table(name = "route_mode_change")
public class RouteModeChange {

    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "route_mode", nullable = false, length = 20)
    private RouteMode mode;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(nullable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "changed_by", nullable = false)
    private Long changedBy;

    @Column(name = "changed_by_name", nullable = false, length = 100)
    private String changedByName;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by_name", length = 100)
    private String cancelledByName;

    protected RouteModeChange() {
    }

    /**
     * A change from {@code startsAt}, or from {@code now} when that is within the current minute (a time typed to
     * the minute means "now"); an earlier start would rewrite what scans were judged by, so it is refused.
     */
    RouteModeChange(RouteMode mode, Instant startsAt, String reason, long changedBy, String changedByName,
            Instant now) {
        if (!startsAt.plusSeconds(60).isAfter(now)) {
            throw new RouteChangeRefused("start in the past", "checkpoint.route.refused.past");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("a route mode change needs a reason of at most " + MAX_REASON);
        }
        this.mode = mode;
        this.startsAt = startsAt.isBefore(now) ? now : startsAt;
        this.reason = reason.strip();
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.changedAt = now;
    }

    /** Takes back a change that has not begun; one in force is replaced by a new change instead. */
    void cancel(String byName, Instant now) {
        if (cancelledAt != null || !startsAt.isAfter(now)) {
            throw new RouteChangeRefused("not cancellable", "checkpoint.route.refused.cancel");
        }
        this.cancelledAt = now;
        this.cancelledByName = byName;
    }

    /** Scheduled for later and still to come: it can be cancelled. */
    public boolean pending(Instant now) {
        return cancelledAt == null && startsAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public RouteMode getMode() {
        return mode;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedByName() {
        return changedByName;
    }

    public String getCancelledByName() {
        return cancelledByName;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    public String getStartsAtText() {
        return OfficeTime.minutes(startsAt);
    }

    public String getChangedAtText() {
        return OfficeTime.minutes(changedAt);
    }

    public String getCancelledAtText() {
        return OfficeTime.minutes(cancelledAt);
    }
}
