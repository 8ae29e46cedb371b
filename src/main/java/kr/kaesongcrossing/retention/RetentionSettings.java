package kr.kaesongcrossing.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The periods ADMIN saved: one row, absent until the first save (then the defaults apply). */
@Entity
@Table(name = "retention_settings")
class RetentionSettings {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "trip_days", nullable = false)
    private int tripDays;

    @Column(name = "refused_days", nullable = false)
    private int refusedDays;

    @Column(name = "crossing_log_days", nullable = false)
    private int crossingLogDays;

    @Column(name = "mail_days", nullable = false)
    private int mailDays;

    @Column(name = "audit_days", nullable = false)
    private int auditDays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RetentionSettings() {
    }

    RetentionSettings(RetentionForm form, Instant now) {
        this.id = ID;
        change(form, now);
    }

    void change(RetentionForm form, Instant now) {
        tripDays = form.tripDays();
        refusedDays = form.refusedDays();
        crossingLogDays = form.crossingLogDays();
        mailDays = form.mailDays();
        auditDays = form.auditDays();
        updatedAt = now;
    }

    RetentionForm form() {
        return new RetentionForm(tripDays, refusedDays, crossingLogDays, mailDays, auditDays);
    }
}
