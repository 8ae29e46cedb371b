package kr.kaesongcrossing.checkpoint.day;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import kr.kaesongcrossing.system.OfficeTime;

/** A supervisor's signature under an office day's close: who, when (UTC), and a note. Never changed once made. */
@Entity
@Table(name = "day_signoff")
class DaySignOff {

    static final int MAX_NOTE = 500;

    @Id
    @Column(name = "office_day")
    private LocalDate day;

    @Column(name = "signed_by", nullable = false)
    private Long signedBy;

    @Column(name = "signed_by_name", nullable = false, length = 100)
    private String signedByName;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(length = MAX_NOTE)
    private String note;

    /** Goods differences (arisen on or before the day) still open when it was signed. */
    @Column(name = "open_goods_differences")
    private Integer openGoodsDifferences;

    protected DaySignOff() {
    }

    /** A day is signed once it has begun (KST): its lists are what the signature vouches for. */
    DaySignOff(LocalDate day, long signedBy, String signedByName, String note, int openGoodsDifferences,
            Instant now) {
        if (day.isAfter(OfficeTime.dateOf(now))) {
            throw new DayCloseRefused("day not begun", "checkpoint.day.refused.future");
        }
        this.day = day;
        this.signedBy = signedBy;
        this.signedByName = signedByName;
        this.signedAt = now;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.openGoodsDifferences = openGoodsDifferences;
    }

    public String getSignedByName() {
        return signedByName;
    }

    public String getSignedAtText() {
        return OfficeTime.minutes(signedAt);
    }

    public String getNote() {
        return note;
    }

    public Integer getOpenGoodsDifferences() {
        return openGoodsDifferences;
    }
}
