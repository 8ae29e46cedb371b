package kr.kaesongcrossing.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain's one head row: the last event's id and hash. Locked by every append. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    void advance(AuditEvent event) {
        if (event.getId() != lastId + 1 || !event.getPrevHash().equals(lastHash)) {
            throw new IllegalStateException("audit event does not follow the head");
        }
        lastId = event.getId();
        lastHash = event.getHash();
    }

    long getLastId() {
        return lastId;
    }

    String getLastHash() {
        return lastHash;
    }
}
