package kr.kaesongcrossing.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A possible match of one application with one watch-list entry, raised once; open until an officer clears it. */
@Entity
@Table(name = "screening_match")
public class ScreeningMatch {

    public enum Status { OPEN, CLEARED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private long applicationId;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "id_number_match", nullable = false)
    private boolean idNumberMatch;

    @Column(name = "traveller_reading")
    private String travellerReading;

    @Column(name = "listed_reading")
    private String listedReading;

    private Double similarity;

    @Column(name = "same_birth_date", nullable = false)
    private boolean sameBirthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "cleared_reason")
    private String clearedReason;

    @Column(name = "cleared_by")
    private String clearedBy;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    @Version
    private long version;

    protected ScreeningMatch() {
    }

    private ScreeningMatch(long applicationId, long entryId, boolean idNumberMatch, String travellerReading,
            String listedReading, Double similarity, boolean sameBirthDate, Instant now) {
        this.applicationId = applicationId;
        this.entryId = entryId;
        this.idNumberMatch = idNumberMatch;
        this.travellerReading = travellerReading;
        this.listedReading = listedReading;
        this.similarity = similarity;
        this.sameBirthDate = sameBirthDate;
        this.status = Status.OPEN;
        this.raisedAt = now;
    }

    static ScreeningMatch byIdNumber(long applicationId, long entryId, Instant now) {
        return new ScreeningMatch(applicationId, entryId, true, null, null, null, false, now);
    }

    static ScreeningMatch byName(long applicationId, long entryId, NameMatcher.Match match, Instant now) {
        return new ScreeningMatch(applicationId, entryId, false, match.travellerReading(), match.listedReading(),
                match.similarity(), match.sameBirthDate(), now);
    }

    /** The officer found the traveller is not the listed person; the pair is not raised again. */
    void clear(String reason, String officer, Instant now) {
        if (status != Status.OPEN) {
            throw new ScreeningRefused("screening.refused.notOpen");
        }
        this.status = Status.CLEARED;
        this.clearedReason = reason;
        this.clearedBy = officer;
        this.clearedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getApplicationId() {
        return applicationId;
    }

    public long getEntryId() {
        return entryId;
    }

    public boolean isIdNumberMatch() {
        return idNumberMatch;
    }

    public String getTravellerReading() {
        return travellerReading;
    }

    public String getListedReading() {
        return listedReading;
    }

    public Double getSimilarity() {
        return similarity;
    }

    public boolean isSameBirthDate() {
        return sameBirthDate;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getClearedReason() {
        return clearedReason;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }
}
