package kr.kaesongcrossing.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import kr.kaesongcrossing.system.OfficeTime;

/**
 * A message to an applicant and how it went out. PENDING while an attempt holds it (claimed at {@code claimedAt});
 * one attempt at a time sends it, on whichever instance.
 */
@Entity
@Table(name = "outbound_mail")
class OutboundMail {

    enum Status { PENDING, SENT, LOGGED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 5)
    private String language;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(length = 20)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(length = 500)
    private String error;

    /** Application, new status and time of the status change that this mail tells of: one mail per change. */
    @Column(name = "event_key", length = 100)
    private String eventKey;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    protected OutboundMail() {
    }

    /** A new mail is held by the attempt that stores it. */
    OutboundMail(String recipient, String language, String subject, String body, String reference, String eventKey,
            Instant now) {
        this.recipient = recipient;
        this.language = language;
        this.subject = cut(subject, 300);
        this.body = cut(body, 4000);
        this.reference = reference;
        this.eventKey = eventKey;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.claimedAt = now;
    }

    boolean wentOut() {
        return status == Status.SENT || status == Status.LOGGED;
    }

    /**
     * Takes the mail for a new attempt: one that failed, or whose attempt has held it longer than {@code lease}
     * (its instance died). False while another attempt holds it, or once it went out.
     */
    boolean claim(Instant now, Duration lease) {
        boolean held = status == Status.PENDING && claimedAt != null && claimedAt.plus(lease).isAfter(now);
        if (wentOut() || held) {
            return false;
        }
        this.status = Status.PENDING;
        this.claimedAt = now;
        return true;
    }

    void sent(Instant now) {
        this.status = Status.SENT;
        this.sentAt = now;
        this.error = null;
    }

    void logged(Instant now) {
        this.status = Status.LOGGED;
        this.sentAt = now;
    }

    void failed(String error) {
        this.status = Status.FAILED;
        this.claimedAt = null;
        this.error = cut(error == null ? "unknown error" : error, 500);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getReference() {
        return reference;
    }

    public Status getStatus() {
        return status;
    }

    public String getCreatedAtMinutes() {
        return OfficeTime.minutes(createdAt);
    }

    public String getCreatedAtSeconds() {
        return OfficeTime.seconds(createdAt);
    }

    public String getError() {
        return error;
    }
}
