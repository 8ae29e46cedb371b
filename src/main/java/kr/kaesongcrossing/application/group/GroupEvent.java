package kr.kaesongcrossing.application.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import kr.kaesongcrossing.system.OfficeTime;

/** A line of the group's timeline: filed, or an officer's decision on its members (counts each way). */
@Entity
@Table(name = "trip_group_event")
public class GroupEvent {

    /** What happened to the group. */
    public enum Action { FILED, DECIDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private long groupId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private long actorId;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 100)
    private String actorName;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private Action action;

    /** FILED: the number of travellers; DECIDED: "approved,rejected,queried" counts. */
    @Column(updatable = false, length = 1000)
    private String detail;

    protected GroupEvent() {
    }

    GroupEvent(long groupId, long actorId, String actorName, Action action, String detail, Instant now) {
        this.groupId = groupId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.detail = detail;
        this.at = now;
    }

    public String getAtText() {
        return OfficeTime.minutes(at);
    }

    public String getActorName() {
        return actorName;
    }

    public Action getAction() {
        return action;
    }

    /** The detail's numbers, as message arguments. */
    public Object[] getCounts() {
        return detail == null ? new Object[0] : (Object[]) detail.split(",");
    }
}
