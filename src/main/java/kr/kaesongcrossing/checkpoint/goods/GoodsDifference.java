package kr.kaesongcrossing.checkpoint.goods;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import kr.kaesongcrossing.checkpoint.scan.Direction;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * A difference between what a trip declared and what the gate found: more or less of a line, an undeclared item, or
 * (southbound) a line declared to come back that did not. Open until an officer closes it with a reason; closed
 * once.
 */
@Entity
@Table(name = "goods_difference")
public class GoodsDifference {

    public enum Kind {
        MORE, LESS, UNDECLARED, NOT_BACK
    }

    static final int MAX_NOTE = 500;
    static final int MAX_DESCRIPTION = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne
    @JoinColumn(name = "check_id")
    private GoodsCheck check;

    @Column(name = "application_id", nullable = false)
    private long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Direction direction;

    @Column(name = "line_no")
    private Integer lineNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @Column(nullable = false, length = MAX_NOTE)
    private String note;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private long recordedBy;

    @Column(name = "recorded_by_name", nullable = false, length = 100)
    private String recordedByName;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private Long closedBy;

    @Column(name = "closed_by_name", length = 100)
    private String closedByName;

    @Column(name = "close_reason", length = MAX_NOTE)
    private String closeReason;

    @Version
    private long version;

    protected GoodsDifference() {
    }

    private GoodsDifference(GoodsCheck check, long applicationId, Direction direction, Integer lineNo, Kind kind,
            String description, String note, Officer officer, Instant now) {
        if (kind == Kind.NOT_BACK && direction != Direction.SOUTHBOUND) {
            throw new GoodsRefused("not back is southbound only", "checkpoint.goods.refused.notBackNorth");
        }
        if ((kind == Kind.UNDECLARED) != (lineNo == null)) {
            throw new IllegalArgumentException("an undeclared item has no line, a declared line's difference has one");
        }
        this.check = check;
        this.applicationId = applicationId;
        this.direction = direction;
        this.lineNo = lineNo;
        this.kind = kind;
        this.description = required(description, MAX_DESCRIPTION, "checkpoint.goods.refused.description");
        this.note = required(note, MAX_NOTE, "checkpoint.goods.refused.note");
        this.recordedAt = now;
        this.recordedBy = officer.id();
        this.recordedByName = officer.name();
    }

    /** A difference found by {@code check}: on its declared line {@code lineNo}, or an undeclared item (null). */
    static GoodsDifference found(GoodsCheck check, Integer lineNo, Kind kind, String description, String note,
            Officer officer, Instant now) {
        return new GoodsDifference(check, check.getApplicationId(), check.getDirection(), lineNo, kind, description,
                note, officer, now);
    }

    /**
     * A line that went north and did not come back, with no southbound check to find it: recorded when an officer
     * closes it from the goods page, so closed at once.
     */
    static GoodsDifference notBackClosed(long applicationId, int lineNo, String description, String reason,
            Officer officer, Instant now) {
        GoodsDifference difference = new GoodsDifference(null, applicationId, Direction.SOUTHBOUND, lineNo,
                Kind.NOT_BACK, description, reason, officer, now);
        difference.close(reason, officer, now);
        return difference;
    }

    /** Closes the difference with the officer's reason; refused when closed already or without a reason. */
    public void close(String reason, Officer officer, Instant now) {
        if (closedAt != null) {
            throw new GoodsRefused("difference closed already", "checkpoint.goods.refused.closed", closedByName,
                    OfficeTime.minutes(closedAt));
        }
        this.closeReason = required(reason, MAX_NOTE, "checkpoint.goods.refused.reason");
        this.closedAt = now;
        this.closedBy = officer.id();
        this.closedByName = officer.name();
    }

    private static String required(String text, int max, String code) {
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty()) {
            throw new GoodsRefused("required: " + code, code + ".required");
        }
        if (cleaned.length() > max) {
            throw new GoodsRefused("too long: " + code, code + ".tooLong", max);
        }
        return cleaned;
    }

    public boolean isOpen() {
        return closedAt == null;
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

    public Integer getLineNo() {
        return lineNo;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public String getNote() {
        return note;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedAtText() {
        return OfficeTime.minutes(recordedAt);
    }

    public String getRecordedByName() {
        return recordedByName;
    }

    public String getClosedByName() {
        return closedByName;
    }

    public String getClosedAtText() {
        return closedAt == null ? null : OfficeTime.minutes(closedAt);
    }

    public String getCloseReason() {
        return closeReason;
    }
}
