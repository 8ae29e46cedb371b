package kr.kaesongcrossing.application.group;

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
import java.time.LocalDate;
import java.util.UUID;
import kr.kaesongcrossing.application.model.Purpose;

/**
 * A group trip: what its members share (organisation, coordinator, purpose, dates) and its one reference. Each
 * member is a {@code TravelApplication} of its own with {@code group_id} pointing here.
 */
@Entity
@Table(name = "trip_group")
public class TripGroup {

    /** The most travellers one group may have. */
    public static final int MAX_TRAVELLERS = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private long organisationId;

    @Column(name = "coordinator_id", nullable = false, updatable = false)
    private long coordinatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Purpose purpose;

    @Column(name = "purpose_detail", nullable = false, length = 1000)
    private String purposeDetail;

    @Column(name = "entry_date", nullable = false)
    private LocalDate entryDate;

    @Column(name = "return_date", nullable = false)
    private LocalDate returnDate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected TripGroup() {
    }

    TripGroup(long organisationId, long coordinatorId, Purpose purpose, String purposeDetail, LocalDate entryDate,
            LocalDate returnDate, Instant now) {
        this.reference = "TMP-" + UUID.randomUUID().toString().substring(0, 16);
        this.organisationId = organisationId;
        this.coordinatorId = coordinatorId;
        this.purpose = purpose;
        this.purposeDetail = purposeDetail;
        this.entryDate = entryDate;
        this.returnDate = returnDate;
        this.createdAt = now;
    }

    /** {@code KG-2026-000012}, from the database id (after the insert). */
    void assignReference(int year) {
        this.reference = String.format("KG-%d-%06d", year, id);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public long getCoordinatorId() {
        return coordinatorId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getPurposeDetail() {
        return purposeDetail;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public LocalDate getReturnDate() {
        return returnDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
