package kr.kaesongcrossing.application.model;

import static kr.kaesongcrossing.application.ApplicationStatus.APPROVED_FOR_TRAVEL;
import static kr.kaesongcrossing.application.ApplicationStatus.AWAITING_CONSENT;
import static kr.kaesongcrossing.application.ApplicationStatus.CONSENT_REFUSED;
import static kr.kaesongcrossing.application.ApplicationStatus.DRAFT;
import static kr.kaesongcrossing.application.ApplicationStatus.INFORMATION_REQUESTED;
import static kr.kaesongcrossing.application.ApplicationStatus.REJECTED;
import static kr.kaesongcrossing.application.ApplicationStatus.SUBMITTED;
import static kr.kaesongcrossing.application.ApplicationStatus.WITHDRAWN;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.SlotUnavailableException;
import kr.kaesongcrossing.schedule.TravelDirection;

/**
 * A request to cross, from its draft to the final decision. Every state change goes through a method here
 * that refuses it when the current status does not allow it and appends a {@link StatusChange} to the
 * timeline. Concurrent changes are caught by {@link Version} (and by the services, which lock the row first).
 */
@Entity
@EntityListeners(IdNumberHashing.class)
@Table(name = "travel_application")
public class TravelApplication {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<ApplicationStatus> EDITABLE = Set.of(DRAFT, INFORMATION_REQUESTED);
    private static final Set<ApplicationStatus> WITHDRAWABLE =
            Set.of(DRAFT, SUBMITTED, INFORMATION_REQUESTED, AWAITING_CONSENT, APPROVED_FOR_TRAVEL);
    /** Submitted and still going ahead: the trip holds its seats. */
    public static final Set<ApplicationStatus> HOLDING_SEATS =
            Set.of(SUBMITTED, INFORMATION_REQUESTED, AWAITING_CONSENT, APPROVED_FOR_TRAVEL);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    private Long applicantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ApplicationStatus status;

    @Version
    private long version;

    @Column(name = "name_korean", length = 50)
    private String nameKorean;

    @Column(name = "name_latin", length = 100)
    private String nameLatin;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(length = 3)
    private String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_document_type", length = 30)
    private IdDocumentType idDocumentType;

    /** Plain text in memory only; AES-GCM encrypted in the column by {@link IdNumberConverter}. */
    @Convert(converter = IdNumberConverter.class)
    @Column(name = "id_number_encrypted", length = 200)
    private String idNumber;

    /** The number's keyed hash, for the duplicate check; kept in step by {@link IdNumberHashing} on every write. */
    @Column(name = "id_number_hash", length = 64)
    private String idNumberHash;

    /** Set by screening while a possible watch-list match is open: no approval until it is cleared. */
    @Column(name = "watchlist_hold", nullable = false)
    private boolean watchlistHold;

    @Column(length = 20)
    private String phone;

    @Column(length = 100)
    private String organisation;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private Purpose purpose;

    @Column(name = "purpose_detail", length = 1000)
    private String purposeDetail;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    @Column(name = "return_date")
    private LocalDate returnDate;

    @Column(name = "vehicle_plate", length = 20)
    private String vehiclePlate;

    @Enumerated(EnumType.STRING)
    @Column(name = "vehicle_type", length = 20)
    private VehicleType vehicleType;

    /** The registered vehicle the applicant drives on the trip; null without one or with a free-text plate. */
    @Column(name = "vehicle_id")
    private Long vehicleId;

    /** The slots the trip asks for (the draft's choice) or, once submitted, holds seats in. */
    @Convert(converter = SlotKeyConverter.class)
    @Column(name = "northbound_slot", length = 20)
    private SlotKey northboundSlot;

    @Convert(converter = SlotKeyConverter.class)
    @Column(name = "southbound_slot", length = 20)
    private SlotKey southboundSlot;

    /** Set when the trip was booked on a standing permit (no review; its pass is the permit's). */
    @Column(name = "permit_id", updatable = false)
    private Long permitId;

    @Column(name = "has_photo", nullable = false)
    private boolean hasPhoto;

    /** The group trip the application belongs to, if a coordinator filed it for a group. */
    @Column(name = "group_id", updatable = false)
    private Long groupId;

    /** The one member that stands for its group in the review queue. */
    @Column(name = "group_lead", nullable = false, updatable = false)
    private boolean groupLead;

    @Column(name = "counterpart_reference", length = 50)
    private String counterpartReference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @ElementCollection
    @CollectionTable(name = "application_goods_line", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "line_no")
    private List<GoodsLine> goods = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
    @OrderBy("changedAt ASC, id ASC")
    private List<StatusChange> changes = new ArrayList<>();

    protected TravelApplication() {
    }

    /** A new draft; its reference is final once {@link #assignReference(int)} ran after the insert. */
    public static TravelApplication draft(long applicantId, Actor applicant, Instant now) {
        TravelApplication application = new TravelApplication();
        application.applicantId = applicantId;
        application.reference = "TMP-" + HexFormat.of().formatHex(randomBytes(8));
        application.status = DRAFT;
        application.createdAt = now;
        application.updatedAt = now;
        application.changes.add(new StatusChange(application, null, DRAFT, applicant, null, null, now));
        return application;
    }

    /** A draft for a crossing booked on a standing permit; {@link #bookOnPermit} takes it on. */
    public static TravelApplication permitDraft(long permitId, long holderId, Actor holder, Instant now) {
        TravelApplication application = draft(holderId, holder, now);
        application.permitId = permitId;
        return application;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A member of a group trip (set once, before the first flush); {@code lead}: the group's row in the queue. */
    /** Screening holds the application while a watch-list match is open, and releases it once none is. */
    public void holdForWatchList(boolean held) {
        this.watchlistHold = held;
    }

    public boolean isWatchlistHold() {
        return watchlistHold;
    }

    public void joinGroup(long groupId, boolean lead) {
        if (this.groupId != null || this.id != null) {
            throw new IllegalStateException("already stored or in a group");
        }
        this.groupId = groupId;
        this.groupLead = lead;
    }

    /** Human-readable reference such as {@code KC-2026-000123}, from the database id. */
    public void assignReference(int year) {
        if (id == null) {
            throw new IllegalStateException("not persisted yet");
        }
        this.reference = String.format("KC-%d-%06d", year, id);
    }

    boolean isEditable() {
        return EDITABLE.contains(status);
    }

    /** Replaces the details; {@code details.idNumber()} null keeps the current number. */
    public void update(TripDetails details, Instant now) {
        requireStatus(Action.EDIT, EDITABLE);
        this.nameKorean = details.nameKorean();
        this.nameLatin = details.nameLatin();
        this.dateOfBirth = details.dateOfBirth();
        this.nationality = details.nationality();
        this.idDocumentType = details.idDocumentType();
        if (details.idNumber() != null) {
            this.idNumber = details.idNumber();
        }
        this.phone = details.phone();
        this.organisation = details.organisation();
        this.purpose = details.purpose();
        this.purposeDetail = details.purposeDetail();
        this.entryDate = details.entryDate();
        this.returnDate = details.returnDate();
        this.vehiclePlate = details.vehiclePlate();
        this.vehicleType = details.vehicleType();
        this.vehicleId = details.vehicleId();
        this.northboundSlot = details.northboundSlot();
        this.southboundSlot = details.southboundSlot();
        this.goods.clear();
        this.goods.addAll(details.goods());
        this.updatedAt = now;
    }

    public void photoAttached(Instant now) {
        requireStatus(Action.EDIT, EDITABLE);
        this.hasPhoto = true;
        this.updatedAt = now;
    }

    /** Everything a submission needs is there (the date rules are checked by {@link TripRules}). */
    boolean isComplete() {
        return notBlank(nameKorean) && notBlank(nameLatin) && dateOfBirth != null && notBlank(nationality)
                && idDocumentType != null && notBlank(idNumber) && notBlank(phone) && purpose != null
                && notBlank(purposeDetail) && entryDate != null && returnDate != null && hasPhoto
                && northboundSlot != null && southboundSlot != null;
    }

    /**
     * An officer puts the trip in another slot of that direction (moved, or added after the list closed). Only
     * while the trip holds seats; the slot must be on the trip's entry (northbound) or return (southbound) date.
     */
    public void moveTo(Actor officer, SlotKey slot, Instant now) {
        requireOtherOfficer(Action.MOVE, officer);
        requireStatus(Action.MOVE, HOLDING_SEATS);
        boolean north = slot.direction() == TravelDirection.NORTHBOUND;
        if (!slot.date().equals(north ? entryDate : returnDate)) {
            throw new SlotUnavailableException(slot);
        }
        if (north) {
            this.northboundSlot = slot;
        } else {
            this.southboundSlot = slot;
        }
        this.updatedAt = now;
    }

    /** How many vehicle places the trip takes in a slot: its vehicle, if it brings one. */
    public int vehicles() {
        return notBlank(vehiclePlate) ? 1 : 0;
    }

    /** Draft or information requested to submitted. */
    public StatusChange submit(Actor applicant, Instant now) {
        requireStatus(Action.SUBMIT, EDITABLE);
        if (!isComplete()) {
            throw new IllegalStateException("incomplete application cannot be submitted");
        }
        this.submittedAt = now;
        return change(SUBMITTED, applicant, null, null, now);
    }

    /**
     * A crossing booked on a standing permit skips the review: it goes to the counterpart's consent (or is approved
     * for travel when that step is off). Its details come from the holder's data on file, at least one slot.
     */
    public StatusChange bookOnPermit(Actor holder, boolean consentRequired, Instant now) {
        requireStatus(Action.SUBMIT, Set.of(DRAFT));
        if (permitId == null || (northboundSlot == null && southboundSlot == null) || !hasPhoto) {
            throw new IllegalStateException("not a complete permit booking");
        }
        this.submittedAt = now;
        return change(consentRequired ? AWAITING_CONSENT : APPROVED_FOR_TRAVEL, holder, null, null, now);
    }

    /**
     * The applicant withdraws: a draft, an application not yet decided, one awaiting consent, or an approved
     * trip up to its day of entry ({@code today} in Asia/Seoul), but never while the crossing log shows the
     * traveller inside the zone ({@code travellerInside}).
     */
    public StatusChange withdraw(Actor applicant, String reason, LocalDate today, boolean travellerInside,
            Instant now) {
        if (travellerInside) {
            throw new TravellerInsideException(status);
        }
        if (!canBeWithdrawn(today, false)) {
            throw new IllegalTransitionException(Action.WITHDRAW, status);
        }
        return change(WITHDRAWN, applicant, blankToNull(reason), null, now);
    }

    /** Whether {@link #withdraw} would be accepted on {@code today} (Asia/Seoul). */
    public boolean canBeWithdrawn(LocalDate today, boolean travellerInside) {
        if (!WITHDRAWABLE.contains(status) || travellerInside) {
            return false;
        }
        return status != APPROVED_FOR_TRAVEL || entryDate == null || !today.isAfter(entryDate);
    }

    /** The office approves; the trip then waits for the counterpart's consent unless that step is off. */
    public StatusChange approve(Actor officer, boolean consentRequired, Instant now) {
        return approve(officer, consentRequired, null, now);
    }

    /** As {@link #approve(Actor, boolean, Instant)}, with an optional note the applicant reads in the timeline. */
    public StatusChange approve(Actor officer, boolean consentRequired, String note, Instant now) {
        requireOtherOfficer(Action.APPROVE, officer);
        requireStatus(Action.APPROVE, Set.of(SUBMITTED));
        if (watchlistHold) {
            throw new WatchListHoldException();
        }
        return change(consentRequired ? AWAITING_CONSENT : APPROVED_FOR_TRAVEL, officer, blankToNull(note), null,
                now);
    }

    public StatusChange reject(Actor officer, String reason, Instant now) {
        requireOtherOfficer(Action.REJECT, officer);
        requireStatus(Action.REJECT, Set.of(SUBMITTED));
        return change(REJECTED, officer, requireText(reason), null, now);
    }

    public StatusChange requestInformation(Actor officer, String message, Instant now) {
        requireOtherOfficer(Action.REQUEST_INFORMATION, officer);
        requireStatus(Action.REQUEST_INFORMATION, Set.of(SUBMITTED));
        return change(INFORMATION_REQUESTED, officer, requireText(message), null, now);
    }

    /** The counterpart consented: the trip is approved for travel. */
    public StatusChange recordConsent(Actor officer, String counterpartReference, Instant now) {
        requireOtherOfficer(Action.RECORD_CONSENT, officer);
        requireStatus(Action.RECORD_CONSENT, Set.of(AWAITING_CONSENT));
        this.counterpartReference = requireText(counterpartReference);
        return change(APPROVED_FOR_TRAVEL, officer, null, this.counterpartReference, now);
    }

    /** The counterpart refused; {@code note} is optional. */
    public StatusChange recordConsentRefusal(Actor officer, String counterpartReference, String note, Instant now) {
        requireOtherOfficer(Action.RECORD_CONSENT, officer);
        requireStatus(Action.RECORD_CONSENT, Set.of(AWAITING_CONSENT));
        this.counterpartReference = requireText(counterpartReference);
        return change(CONSENT_REFUSED, officer, blankToNull(note), this.counterpartReference, now);
    }

    /** The office takes back an approval for travel (reason required); the pass goes with it. */
    public StatusChange revokeApproval(Actor officer, String reason, Instant now) {
        requireOtherOfficer(Action.REVOKE, officer);
        requireStatus(Action.REVOKE, Set.of(APPROVED_FOR_TRAVEL));
        return change(WITHDRAWN, officer, requireText(reason), null, now);
    }

    private StatusChange change(ApplicationStatus to, Actor actor, String reason, String counterpartRef,
            Instant now) {
        StatusChange change = new StatusChange(this, status, to, actor, reason, counterpartRef, now);
        this.status = to;
        this.updatedAt = now;
        this.changes.add(change);
        return change;
    }

    /**
     * Whether {@code officer} holds the application with that applicant: then every office decision on it (approve,
     * reject, request information, record the counterpart's answer, revoke) is another officer's. The one place
     * this rule lives; pages ask it to hide the decisions they would refuse.
     */
    public static boolean isOwnApplication(long applicantId, Actor officer) {
        return officer.accountId() != null && officer.accountId() == applicantId;
    }

    private void requireOtherOfficer(Action action, Actor officer) {
        if (isOwnApplication(applicantId, officer)) {
            throw new OwnApplicationException(action);
        }
    }

    private void requireStatus(Action action, Set<ApplicationStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action, status);
        }
    }

    private static String requireText(String text) {
        if (!notBlank(text)) {
            throw new IllegalArgumentException("a reason is required");
        }
        return text.strip();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.strip() : null;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getPermitId() {
        return permitId;
    }

    public Long getApplicantId() {
        return applicantId;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public long getVersion() {
        return version;
    }

    public String getNameKorean() {
        return nameKorean;
    }

    public String getNameLatin() {
        return nameLatin;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getNationality() {
        return nationality;
    }

    public IdDocumentType getIdDocumentType() {
        return idDocumentType;
    }

    public String getIdNumber() {
        return idNumber;
    }

    /** What applicants see of their ID number: the first two characters, the rest hidden. */
    public String getIdNumberHash() {
        return idNumberHash;
    }

    /** Sets the hash of the current number ({@link IdNumberHashing} computes it: the key is not the entity's). */
    void hashIdNumber(UnaryOperator<String> hash) {
        this.idNumberHash = hash.apply(idNumber);
    }

    public String getMaskedIdNumber() {
        if (idNumber == null || idNumber.isEmpty()) {
            return "";
        }
        int shown = idNumber.length() > 4 ? 2 : 0;
        return idNumber.substring(0, shown) + "*".repeat(idNumber.length() - shown);
    }

    public String getPhone() {
        return phone;
    }

    public String getOrganisation() {
        return organisation;
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

    public String getVehiclePlate() {
        return vehiclePlate;
    }

    public SlotKey getNorthboundSlot() {
        return northboundSlot;
    }

    public SlotKey getSouthboundSlot() {
        return southboundSlot;
    }

    public SlotKey slot(TravelDirection direction) {
        return direction == TravelDirection.NORTHBOUND ? northboundSlot : southboundSlot;
    }

    public VehicleType getVehicleType() {
        return vehicleType;
    }

    public Long getVehicleId() {
        return vehicleId;
    }

    boolean hasPhoto() {
        return hasPhoto;
    }

    String getCounterpartReference() {
        return counterpartReference;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<GoodsLine> getGoods() {
        return Collections.unmodifiableList(goods);
    }

    public List<StatusChange> getChanges() {
        return Collections.unmodifiableList(changes);
    }

    @Override
    public String toString() {
        return "TravelApplication[id=" + id + ", reference=" + reference + ", status=" + status + "]";
    }
}
