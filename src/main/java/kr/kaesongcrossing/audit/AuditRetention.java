package kr.kaesongcrossing.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import kr.kaesongcrossing.system.Batches;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes audit events older than the retention period, oldest first, {@value #BATCH} a transaction. Each batch
 * takes the head lock (appends wait for one short batch, not for the whole run), deletes a run of ids from the
 * chain's start and moves the start past it with the last deleted hash, so {@link AuditChain} still verifies.
 */
@Service
public class AuditRetention {

    static final int BATCH = 500;

    @PersistenceContext
    private EntityManager entityManager;

    private final TransactionTemplate transactions;

    AuditRetention(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** How many events are older than {@code cutoff}. */
    @Transactional(readOnly = true)
    public long countBefore(Instant cutoff) {
        return entityManager.createQuery("select count(e) from AuditEvent e where e.occurredAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).getSingleResult();
    }

    /**
     * Deletes the chain from its start up to the last event older than {@code cutoff}; returns how many. The chain
     * is cut at one point, in id order: an event in between that a clock set ahead dated later goes with the rest.
     */
    public long deleteBefore(Instant cutoff) {
        Long last = transactions.execute(status -> entityManager.createQuery(
                        "select max(e.id) from AuditEvent e where e.occurredAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).getSingleResult());
        return last == null ? 0 : Batches.byKeys(transactions, BATCH, 0L, after -> entityManager.createQuery(
                        "select e.id from AuditEvent e where e.id > :after and e.id <= :last order by e.id", Long.class)
                .setParameter("after", after).setParameter("last", last).setMaxResults(BATCH).getResultList(),
                this::deleteBatch);
    }

    /** Ids have gaps (a rolled-back action still took its id), so the run is cut at the last id the batch read. */
    private void deleteBatch(List<Long> ids) {
        AuditHead head = entityManager.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long last = ids.get(ids.size() - 1);
        String lastHash = entityManager.find(AuditEvent.class, last).getHash();
        entityManager.createQuery("delete from AuditEvent e where e.id >= :first and e.id <= :last")
                .setParameter("first", head.getFirstId()).setParameter("last", last).executeUpdate();
        head.cut(last, lastHash);
    }
}
