package kr.kaesongcrossing.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One person on the watch list. The ID number is held only as its keyed hash; it cannot be shown again. */
@Entity
@Table(name = "watch_list_entry")
public class WatchListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name_korean")
    private String nameKorean;

    @Column(name = "name_latin")
    private String nameLatin;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(name = "id_number_hash")
    private String idNumberHash;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String source;

    @Column(name = "listed_since", nullable = false)
    private LocalDate listedSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WatchListEntry() {
    }

    WatchListEntry(String nameKorean, String nameLatin, LocalDate dateOfBirth, String idNumberHash, String reason,
            String source, LocalDate listedSince, Instant createdAt) {
        this.nameKorean = nameKorean;
        this.nameLatin = nameLatin;
        this.dateOfBirth = dateOfBirth;
        this.idNumberHash = idNumberHash;
        this.reason = reason;
        this.source = source;
        this.listedSince = listedSince;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
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

    public String getIdNumberHash() {
        return idNumberHash;
    }

    /** Whether an ID number was given (the page says so without showing anything of it). */
    public boolean hasIdNumber() {
        return idNumberHash != null;
    }

    public String getReason() {
        return reason;
    }

    public String getSource() {
        return source;
    }

    public LocalDate getListedSince() {
        return listedSince;
    }
}
