package kr.kaesongcrossing.checkpoint.goods;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.checkpoint.scan.Gate;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * The tick-off of a trip's goods in one direction, made after an accepted scan by the officer who sent it: the lines
 * it checked without a difference were carried as declared. One per trip and direction; the same scan's sender may
 * record it again (a correction) as long as none of its differences is closed.
 */
@Entity
@Table(name = "goods_check")
public class GoodsCheck {

    /** What the officer found on a line ({@code lineNo}), or an undeclared item (no line). */
    record Found(Integer lineNo, GoodsDifference.Kind kind, String description, String note) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Direction direction;

    @Column(name = "scan_id", nullable = false, length = 64, updatable = false)
    private String scanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Gate gate;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "checked_by", nullable = false)
    private long checkedBy;

    @Column(name = "checked_by_name", nullable = false, length = 100)
    private String checkedByName;

    @OneToMany(mappedBy = "check", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id") // a few lines each, always shown with the check
    private List<GoodsDifference> differences = new ArrayList<>();

    @Version
    private long version;

    protected GoodsCheck() {
    }

    GoodsCheck(long applicationId, Direction direction, String scanId, Gate gate, List<Found> found, Officer officer,
            Instant now) {
        this.applicationId = applicationId;
        this.direction = direction;
        this.scanId = scanId;
        this.gate = gate;
        record(found, officer, now);
    }

    /** Records the check again from the same scan, replacing what it found; refused once a difference is closed. */
    void correct(String scanId, List<Found> found, Officer officer, Instant now) {
        if (!this.scanId.equals(scanId)) {
            throw new GoodsRefused("checked after another scan", "checkpoint.goods.refused.checked", checkedByName,
                    OfficeTime.minutes(checkedAt));
        }
        if (differences.stream().anyMatch(d -> !d.isOpen())) {
            throw new GoodsRefused("a difference is closed", "checkpoint.goods.refused.correctClosed");
        }
        differences.clear();
        record(found, officer, now);
    }

    private void record(List<Found> found, Officer officer, Instant now) {
        this.checkedAt = now;
        this.checkedBy = officer.id();
        this.checkedByName = officer.name();
        for (Found f : found) {
            differences.add(GoodsDifference.found(this, f.lineNo(), f.kind(), f.description(), f.note(), officer, now));
        }
    }

    public Long getId() {
        return id;
    }

    public long getApplicationId() {
        return applicationId;
    }

    public Direction getDirection() {
        return direction;
    }

    public String getScanId() {
        return scanId;
    }

    public Gate getGate() {
        return gate;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getCheckedAtText() {
        return OfficeTime.minutes(checkedAt);
    }

    public String getCheckedByName() {
        return checkedByName;
    }

    public List<GoodsDifference> getDifferences() {
        return Collections.unmodifiableList(differences);
    }
}
