package kr.kaesongcrossing.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    /** The next batch of the chain after {@code id}, in chain order. */
    List<AuditEvent> findByIdGreaterThanAndIdLessThanEqualOrderByIdAsc(long after, long upTo, Pageable batch);

    /** The next batch of events of a time range after {@code id}, in chain order. */
    List<AuditEvent> findByIdGreaterThanAndOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderByIdAsc(long after,
            Instant from, Instant to, Pageable batch);
}
