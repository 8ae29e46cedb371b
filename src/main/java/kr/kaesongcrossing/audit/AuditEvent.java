package kr.kaesongcrossing.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One recorded action, a link of the chain: its hash covers every column and the previous row's hash, so changing
 * a row breaks its own hash and deleting one breaks the next row's link. Never changed once written.
 */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    private Actor.Kind actorKind;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_role")
    private String actorRole;

    @Column(nullable = false)
    private String action;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditTrail.Outcome outcome;

    @Column(name = "client_address")
    private String clientAddress;

    private String detail;

    @Column(name = "prev_hash", nullable = false)
    private String prevHash;

    @Column(nullable = false)
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(long id, Instant occurredAt, Actor actor, String action, Subject subject, AuditTrail.Outcome outcome,
            String clientAddress, String detail, String prevHash) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actorKind = actor.kind();
        this.actorId = actor.id();
        this.actorRole = actor.role();
        this.action = action;
        this.subjectType = subject.type();
        this.subjectId = subject.id();
        this.outcome = outcome;
        this.clientAddress = clientAddress;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /**
     * SHA-256 (hex) of the canonical encoding: a version tag, then each column in a fixed order as its length, a
     * colon and its text ({@code -} for null), so no two different rows encode alike.
     */
    String computeHash() {
        StringBuilder text = new StringBuilder("audit-v1");
        for (String field : new String[] {Long.toString(id), occurredAt.toString(), actorKind.name(), actorId,
                actorRole, action, subjectType, subjectId, outcome.name(), clientAddress, detail, prevHash}) {
            text.append('|');
            if (field == null) {
                text.append('-');
            } else {
                text.append(field.length()).append(':').append(field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    Long getId() {
        return id;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    Actor.Kind getActorKind() {
        return actorKind;
    }

    String getActorId() {
        return actorId;
    }

    String getActorRole() {
        return actorRole;
    }

    String getAction() {
        return action;
    }

    String getSubjectType() {
        return subjectType;
    }

    String getSubjectId() {
        return subjectId;
    }

    AuditTrail.Outcome getOutcome() {
        return outcome;
    }

    String getClientAddress() {
        return clientAddress;
    }

    String getDetail() {
        return detail;
    }

    String getPrevHash() {
        return prevHash;
    }

    String getHash() {
        return hash;
    }
}
