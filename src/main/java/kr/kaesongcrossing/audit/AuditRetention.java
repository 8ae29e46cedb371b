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
 * takes the head lock (appends wait for one short batch, not for the whole run), deletes a contiguous run from the
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

    /** Deletes the events from the chain's start that are older than {@code cutoff}; returns how many. */
    public long deleteBefore(Instant cutoff) {
        return Batches.untilDone(transactions, BATCH, () -> deleteBatch(cutoff));
    }

    private int deleteBatch(Instant cutoff) {
        AuditHead head = entityManager.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<Object[]> rows = entityManager.createQuery("select e.id, e.hash, e.occurredAt from AuditEvent e"
                        + " where e.id >= :first order by e.id", Object[].class)
                .setParameter("first", head.getFirstId()).setMaxResults(BATCH).getResultList();
        // only a contiguous run from the start: the chain stays one piece even if a clock once went back
        int old = 0;
        while (old < rows.size() && ((Instant) rows.get(old)[2]).isBefore(cutoff)) {
            old++;
        }
        if (old == 0) {
            return 0;
        }
        Object[] last = rows.get(old - 1);
        entityManager.createQuery("delete from AuditEvent e where e.id >= :first and e.id <= :last")
                .setParameter("first", head.getFirstId()).setParameter("last", last[0]).executeUpdate();
        head.cut((Long) last[0], (String) last[1]);
        return old;
    }
}
