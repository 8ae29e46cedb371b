package kr.kaesongcrossing.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The chain's one head row: the last event's id and hash, and where the chain starts now (retention deletes the
 * oldest events and moves the start under this row's lock). Locked by every append.
 */
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

    @Column(name = "first_id", nullable = false)
    private long firstId;

    @Column(name = "first_prev_hash", nullable = false)
    private String firstPrevHash;

    protected AuditHead() {
    }

    void advance(AuditEvent event) {
        if (event.getId() != lastId + 1 || !event.getPrevHash().equals(lastHash)) {
            throw new IllegalStateException("audit event does not follow the head");
        }
        lastId = event.getId();
        lastHash = event.getHash();
    }

    /** The events up to {@code lastDeleted} (whose hash the next one carries) are gone: the chain starts after it. */
    void cut(long lastDeleted, String lastDeletedHash) {
        if (lastDeleted < firstId || lastDeleted > lastId) {
            throw new IllegalStateException("audit cut outside the chain");
        }
        firstId = lastDeleted + 1;
        firstPrevHash = lastDeletedHash;
    }

    long getFirstId() {
        return firstId;
    }

    String getFirstPrevHash() {
        return firstPrevHash;
    }

    long getLastId() {
        return lastId;
    }

    String getLastHash() {
        return lastHash;
    }
}
