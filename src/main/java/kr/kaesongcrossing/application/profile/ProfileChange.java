package kr.kaesongcrossing.application.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import kr.kaesongcrossing.system.OfficeTime;

/** One line of a profile's history: who changed which fields, when (never the values). */
@Entity
@Table(name = "traveller_profile_change")
public class ProfileChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "profile_id", nullable = false, updatable = false)
    private long profileId;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private long changedBy;

    @Column(name = "changed_by_name", nullable = false, updatable = false, length = 100)
    private String changedByName;

    @Column(nullable = false, updatable = false, length = 300)
    private String fields;

    protected ProfileChange() {
    }

    ProfileChange(long profileId, long changedBy, String changedByName, List<String> fields, Instant now) {
        this.profileId = profileId;
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.fields = String.join(",", fields);
        this.changedAt = now;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    /** When, in office time (KST). */
    public String getChangedAtText() {
        return OfficeTime.minutes(changedAt);
    }

    public String getChangedByName() {
        return changedByName;
    }

    public List<String> getFields() {
        return Arrays.asList(fields.split(","));
    }
}
