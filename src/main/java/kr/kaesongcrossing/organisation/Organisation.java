package kr.kaesongcrossing.organisation;

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
import java.util.Locale;

@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name_ko", nullable = false)
    private String nameKo;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(name = "registration_number", nullable = false)
    private String registrationNumber;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    Organisation(OrganisationForm form, Instant now) {
        this.createdAt = now;
        change(form);
    }

    /** Takes the form's values (validated by the caller), without surrounding blanks. */
    final void change(OrganisationForm form) {
        this.nameKo = form.nameKo().strip();
        this.nameEn = form.nameEn().strip();
        this.type = OrganisationType.valueOf(form.type());
        this.registrationNumber = form.registrationNumber().strip();
    }

    /** The name in the reader's language (Korean unless English). */
    String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
    }

    OrganisationForm toForm() {
        return new OrganisationForm(nameKo, nameEn, type.name(), registrationNumber);
    }

    // public: the admin list shows the entity, and templates read public members only
    public Long getId() {
        return id;
    }

    public String getNameKo() {
        return nameKo;
    }

    public String getNameEn() {
        return nameEn;
    }

    public OrganisationType getType() {
        return type;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }
}
