package kr.kaesongcrossing.application.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import kr.kaesongcrossing.application.ApplicationStatus;

/** One entry of an application's timeline: a status change with who, when and why. Never changed after. */
@Entity
@Table(name = "application_status_change")
public class StatusChange {

    /** The longest reason or note a decision keeps (the column's length); forms refuse longer ones. */
    public static final int MAX_REASON = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private TravelApplication application;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 30, updatable = false)
    private ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30, updatable = false)
    private ApplicationStatus toStatus;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_name", length = 100, updatable = false)
    private String actorName;

    @Column(name = "actor_role", length = 20, updatable = false)
    private String actorRole;

    @Column(name = "reason", length = MAX_REASON, updatable = false)
    private String reason;

    @Column(name = "counterpart_reference", length = 50, updatable = false)
    private String counterpartReference;

    protected StatusChange() {
    }

    StatusChange(TravelApplication application, ApplicationStatus from, ApplicationStatus to, Actor actor,
            String reason, String counterpartReference, Instant at) {
        this.application = application;
        this.fromStatus = from;
        this.toStatus = to;
        this.actorId = actor.accountId();
        this.actorName = actor.name();
        this.actorRole = actor.role() == null ? null : actor.role().name();
        this.reason = reason;
        this.counterpartReference = counterpartReference;
        this.changedAt = at;
    }

    Long getId() {
        return id;
    }

    ApplicationStatus getFromStatus() {
        return fromStatus;
    }

    ApplicationStatus getToStatus() {
        return toStatus;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    Long getActorId() {
        return actorId;
    }

    String getActorName() {
        return actorName;
    }

    String getActorRole() {
        return actorRole;
    }

    String getReason() {
        return reason;
    }

    String getCounterpartReference() {
        return counterpartReference;
    }
}
