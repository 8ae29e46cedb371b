package kr.kaesongcrossing.checkpoint.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import kr.kaesongcrossing.pass.PassForScan;

/**
 * Where a pass holder is, by the crossing log: inside the office zone or outside, since when, and how many visits
 * (entries) so far. The n-th visit's accepted ENTRY and EXIT rows carry {@code visit_no = n}.
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

    @Column(nullable = false)
    private boolean inside;

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

    /** A holder never seen at a lane: outside, no visits yet. */
    static PassPresence outside(PassForScan pass, Instant now) {
        PassPresence presence = new PassPresence();
        presence.passId = pass.passId();
        presence.applicationId = pass.applicationId();
        presence.inside = false;
        presence.since = now;
        presence.visits = 0;
        presence.lane = "";
        presence.refresh(pass);
        return presence;
    }

    Presence presence() {
        return inside ? Presence.INSIDE : Presence.OUTSIDE;
    }

    /**
     * Records an accepted crossing and answers its visit number. Without {@code override}, ENTRY needs the holder
     * outside and EXIT inside; an overridden ENTRY from inside starts a new visit (the exit was missed), an
     * overridden EXIT from outside closes a visit whose entry was missed.
     */
    int cross(Direction direction, Instant at, String lane, boolean override) {
        if (direction == Direction.ENTRY) {
            if (inside && !override) {
                throw new IllegalStateException("already inside");
            }
            visits++;
            inside = true;
        } else {
            if (!inside) {
                if (!override) {
                    throw new IllegalStateException("not inside");
                }
                visits++;
            }
            inside = false;
        }
        this.since = at;
        this.lane = lane;
        return visits;
    }

    void refresh(PassForScan pass) {
        this.holderNameKorean = pass.holderNameKorean();
        this.holderNameLatin = pass.holderNameLatin();
        this.validUntil = pass.validUntil();
        this.revoked = pass.revoked();
    }

    String getPassId() {
        return passId;
    }
}
