package kr.kaesongcrossing.checkpoint.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import kr.kaesongcrossing.pass.PassForScan;

/**
 * Where a pass holder is along the route, by the crossing log: south, in transit or inside the zone, since when
 * (their last gate), how many visits (trips north from the South) and accepted crossings so far. The accepted rows
 * of the n-th visit carry {@code visit_no = n}; each accepted row carries the next {@code crossing_no}, which the
 * log's unique key guards.
 */
@Entity
@Table(name = "pass_presence")
class PassPresence {

    @Id
    @Column(name = "pass_id")
    private String passId;

    @Column(name = "application_id", nullable = false)
    private long applicationId;

    @Column(name = "holder_name_korean")
    private String holderNameKorean;

    @Column(name = "holder_name_latin")
    private String holderNameLatin;

    /** A vehicle pass's presence: the roster counts vehicles apart from people. */
    @Column(nullable = false)
    private boolean vehicle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Position.Place position;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_gate")
    private Gate lastGate;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_direction")
    private Direction lastDirection;

    @Column(nullable = false)
    private int crossings;

    @Column(nullable = false)
    private Instant since;

    @Column(nullable = false)
    private int visits;

    @Column(nullable = false)
    private String lane;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(nullable = false)
    private boolean revoked;

    protected PassPresence() {
    }

    /** A holder never seen at a gate: south, no visits yet. */
    static PassPresence south(PassForScan pass, Instant now) {
        PassPresence presence = new PassPresence();
        presence.passId = pass.passId();
        presence.applicationId = pass.applicationId();
        presence.position = Position.Place.SOUTH;
        presence.since = now;
        presence.visits = 0;
        presence.lane = "";
        presence.vehicle = pass.vehicle();
        presence.refresh(pass);
        return presence;
    }

    Position position() {
        return new Position(position, lastGate, lastDirection);
    }

    /**
     * Records an accepted crossing at {@code gate} and answers its visit number. Without {@code override},
     * northbound needs the holder just south of the gate and southbound anywhere north of the first gate (nobody
     * is trapped). A northbound crossing from the South starts a new visit, and so does an overridden one from
     * past the gate (the southbound scans were missed); an overridden southbound crossing from the South closes a
     * visit whose northbound scans were missed.
     */
    int cross(Route route, Gate gate, Direction direction, Instant at, String lane, boolean override) {
        int from = route.stretch(position());
        int north = route.northOf(gate);
        boolean newVisit;
        if (direction == Direction.NORTHBOUND) {
            if (from != north - 1 && !override) {
                throw new IllegalStateException("not just south of " + gate);
            }
            newVisit = from == 0 || from >= north;
        } else {
            if (from == 0 && !override) {
                throw new IllegalStateException("not north of the first gate");
            }
            newVisit = from == 0;
        }
        if (newVisit) {
            visits++;
        }
        crossings++;
        Position now = route.after(gate, direction);
        this.position = now.place();
        this.lastGate = gate;
        this.lastDirection = direction;
        this.since = at;
        this.lane = lane;
        return visits;
    }

    /** The number of accepted crossings so far, the last one's {@code crossing_no}. */
    int crossings() {
        return crossings;
    }

    void refresh(PassForScan pass) {
        if (pass.applicationId() != null) { // a permit pass follows the crossing booked on it
            this.applicationId = pass.applicationId();
        }
        this.holderNameKorean = pass.holderNameKorean();
        this.holderNameLatin = pass.holderNameLatin();
        this.validUntil = pass.validUntil();
        this.revoked = pass.revoked();
    }

    long getApplicationId() {
        return applicationId;
    }

    String getPassId() {
        return passId;
    }
}
