package kr.kaesongcrossing.audit;

import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.criteria.Predicate;
import kr.kaesongcrossing.system.OfficeTime;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit page's filter as typed: times in office time (KST, from included, to excluded), the actor's kind and
 * id (an account id, a device id or a job name), the start of an action code (e.g. {@code login.}), and a
 * subject's type and id. Empty fields do not filter.
 */
record AuditFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to, Actor.Kind actorKind,
        @Size(max = 64) String actor,
        @Size(max = 64) String action,
        @Size(max = 32) String subjectType,
        @Size(max = 64) String subjectId) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    Specification<AuditEvent> specification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from.atZone(OfficeTime.ZONE).toInstant()));
            }
            if (to != null) {
                where.add(cb.lessThan(root.get("occurredAt"), to.atZone(OfficeTime.ZONE).toInstant()));
            }
            if (actorKind != null) {
                where.add(cb.equal(root.get("actorKind"), actorKind));
            }
            if (present(actor)) {
                where.add(cb.equal(root.get("actorId"), actor.strip()));
            }
            if (present(action)) {
                where.add(cb.like(root.get("action"), action.strip().replaceAll("[%_\\\\]", "") + "%"));
            }
            if (present(subjectType)) {
                where.add(cb.equal(root.get("subjectType"), subjectType.strip()));
            }
            if (present(subjectId)) {
                where.add(cb.equal(root.get("subjectId"), subjectId.strip()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
