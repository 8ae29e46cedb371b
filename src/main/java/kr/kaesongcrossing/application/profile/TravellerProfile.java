package kr.kaesongcrossing.application.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.kaesongcrossing.application.model.IdDocumentType;
import kr.kaesongcrossing.application.model.IdNumberConverter;

/**
 * A traveller's personal data, kept once and reused by every application: a person's own ({@code accountId} set,
 * no organisation), or kept by an organisation's coordinators for one of its people ({@code organisationId} set,
 * with the person's account or without). The ID number is sealed like an application's.
 */
@Entity
@Table(name = "traveller_profile")
public class TravellerProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", updatable = false)
    private Long accountId;

    @Column(name = "organisation_id", updatable = false)
    private Long organisationId;

    /** Unique per keeper and person; null for people without an account (see V54). */
    @Column(name = "owner_key", updatable = false, length = 60)
    private String ownerKey;

    @Column(name = "name_korean", nullable = false, length = 50)
    private String nameKorean;

    @Column(name = "name_latin", nullable = false, length = 100)
    private String nameLatin;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(nullable = false, length = 3)
    private String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_document_type", nullable = false, length = 30)
    private IdDocumentType idDocumentType;

    @Convert(converter = IdNumberConverter.class)
    @Column(name = "id_number_encrypted", nullable = false, length = 200)
    private String idNumber;

    @Column(nullable = false, length = 20)
    private String phone;

    @Column(name = "has_photo", nullable = false)
    private boolean hasPhoto;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TravellerProfile() {
    }

    /** A person's own profile. */
    static TravellerProfile own(long accountId, ProfileDetails details, Instant now) {
        TravellerProfile profile = new TravellerProfile();
        profile.accountId = accountId;
        profile.ownerKey = "A:" + accountId;
        profile.init(details, now);
        return profile;
    }

    /** A profile an organisation keeps, about a member with an account ({@code accountId}) or a person without. */
    static TravellerProfile kept(long organisationId, Long accountId, ProfileDetails details, Instant now) {
        TravellerProfile profile = new TravellerProfile();
        profile.organisationId = organisationId;
        profile.accountId = accountId;
        profile.ownerKey = accountId == null ? null : "O:" + organisationId + ":A:" + accountId;
        profile.init(details, now);
        return profile;
    }

    private void init(ProfileDetails details, Instant now) {
        if (details.idNumber() == null) {
            throw new IllegalArgumentException("a new profile needs an ID number");
        }
        this.createdAt = now;
        update(details, now);
    }

    /** Replaces the details ({@code idNumber} null keeps the current one); returns the names of the fields changed. */
    List<String> update(ProfileDetails d, Instant now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(nameKorean, d.nameKorean())) {
            changed.add("nameKorean");
            nameKorean = d.nameKorean();
        }
        if (!Objects.equals(nameLatin, d.nameLatin())) {
            changed.add("nameLatin");
            nameLatin = d.nameLatin();
        }
        if (!Objects.equals(dateOfBirth, d.dateOfBirth())) {
            changed.add("dateOfBirth");
            dateOfBirth = d.dateOfBirth();
        }
        if (!Objects.equals(nationality, d.nationality())) {
            changed.add("nationality");
            nationality = d.nationality();
        }
        if (idDocumentType != d.idDocumentType()) {
            changed.add("idDocumentType");
            idDocumentType = d.idDocumentType();
        }
        if (d.idNumber() != null && !d.idNumber().equals(idNumber)) {
            changed.add("idNumber");
            idNumber = d.idNumber();
        }
        if (!Objects.equals(phone, d.phone())) {
            changed.add("phone");
            phone = d.phone();
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    void photoAttached(Instant now) {
        hasPhoto = true;
        updatedAt = now;
    }

    /** What is shown of the ID number: the first two characters, the rest hidden (as on applications). */
    public String getMaskedIdNumber() {
        int shown = idNumber.length() > 4 ? 2 : 0;
        return idNumber.substring(0, shown) + "*".repeat(idNumber.length() - shown);
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getOrganisationId() {
        return organisationId;
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

    /** The plain ID number, for copying into an application (never shown). */
    public String getIdNumber() {
        return idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isHasPhoto() {
        return hasPhoto;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
