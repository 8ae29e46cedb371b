package kr.kaesongcrossing.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the chain from its start up to the head as it is now: every row must have the next id, carry the
 * previous row's hash and hash to its own stored hash, and the last one must be the head. The start is the head's
 * {@code first_id} with the {@code first_prev_hash} that retention recorded when it deleted the events before it
 * (the genesis at first), so deleting old events by retention is no tampering, but deleting them any other way is.
 * Reports the first row that does not match.
 */
@Service
class AuditChain {

    private static final int BATCH = 500;

    /** What is wrong at a row: its content changed, or the rows before it are not the ones it was chained to. */
    enum Problem { CHANGED, BROKEN_LINK, MISSING_END }

    /** OK with the number of rows checked, or the first row that does not match. */
    record Verification(long checked, Long firstBadId, Problem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditEventRepository events;

    AuditChain(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional(readOnly = true)
    Verification verify() {
        AuditHead head = entityManager.find(AuditHead.class, AuditHead.ID);
        long upTo = head.getLastId();
        String lastHash = head.getLastHash();
        long previousId = head.getFirstId() - 1;
        String previousHash = head.getFirstPrevHash();
        long checked = 0;
        while (previousId < upTo) {
            List<AuditEvent> batch = events.findByIdGreaterThanAndIdLessThanEqualOrderByIdAsc(previousId, upTo,
                    PageRequest.of(0, BATCH));
            if (batch.isEmpty()) {
                // rows deleted at the end: the head points past what is left
                return new Verification(checked, previousId + 1, Problem.MISSING_END);
            }
            for (AuditEvent event : batch) {
                if (event.getId() != previousId + 1 || !event.getPrevHash().equals(previousHash)) {
                    return new Verification(checked, event.getId(), Problem.BROKEN_LINK);
                }
                if (!event.computeHash().equals(event.getHash())) {
                    return new Verification(checked, event.getId(), Problem.CHANGED);
                }
                previousId = event.getId();
                previousHash = event.getHash();
                checked++;
            }
            entityManager.clear();
        }
        if (!previousHash.equals(lastHash)) {
            return new Verification(checked, upTo, Problem.CHANGED);
        }
        return new Verification(checked, null, null);
    }
}
