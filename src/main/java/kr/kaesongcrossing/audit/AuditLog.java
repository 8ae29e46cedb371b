package kr.kaesongcrossing.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the trail: a page of events, newest first, and every event of a date range in chain order. */
@Service
class AuditLog {

    static final int PAGE_SIZE = 50;
    private static final int BATCH = 500;

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    /** An event as the page and the export show it (the time in KST). */
    record Row(long id, String time, Actor.Kind actorKind, String actorId, String actorRole, String action,
            String subjectType, String subjectId, AuditTrail.Outcome outcome, String clientAddress, String detail,
            String hash) {

        static Row of(AuditEvent e) {
            return new Row(e.getId(), OfficeTime.seconds(e.getOccurredAt()), e.getActorKind(), e.getActorId(),
                    e.getActorRole(), e.getAction(), e.getSubjectType(), e.getSubjectId(), e.getOutcome(),
                    e.getClientAddress(), e.getDetail(), e.getHash());
        }
    }

    @Transactional(readOnly = true)
    Page<Row> page(AuditFilter filter, int pageIndex) {
        return events.findAll(filter.specification(),
                PageRequest.of(Math.max(0, pageIndex), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id"))).map(Row::of);
    }

    /** Every event from {@code from} (included) to {@code to} (excluded), oldest first, in batches. */
    @Transactional(readOnly = true)
    void export(Instant from, Instant to, Consumer<Row> out) {
        long after = 0;
        while (true) {
            List<AuditEvent> batch = events
                    .findByIdGreaterThanAndOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderByIdAsc(after, from, to,
                            PageRequest.of(0, BATCH));
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(e -> out.accept(Row.of(e)));
            after = batch.get(batch.size() - 1).getId();
            entityManager.clear();
        }
    }
}
