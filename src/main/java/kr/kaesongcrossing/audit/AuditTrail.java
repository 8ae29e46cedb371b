package kr.kaesongcrossing.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one home of audit events. Each call appends one row to the chain in the caller's transaction (or its own when
 * there is none), so an action that rolls back leaves no trace and a recorded one cannot lose its row. The actor,
 * role and client address come from the current request's security context; devices without a request and system
 * jobs name themselves ({@link #recordAs}). Each event is also written as a line to the log
 * {@code kr.kaesongcrossing.audit}.
 *
 * <p>Locking: an append locks the one {@code audit_head} row ({@code SELECT ... FOR UPDATE}) until the caller
 * commits, so two instances never fork the chain, and gives out the next id under it. To keep the lock order the
 * same everywhere (the caller's rows first, the head last) it first flushes the caller's pending changes, and callers
 * record as the LAST step of their transaction, after every row lock of their own (e.g. the pass row the checkpoint
 * locks first). The head serialises every audited transaction from its append to its commit, so audited actions
 * are the deliberate, rare ones: sign-ins, administration, decisions, overrides, device actions, exports. The normal
 * scan path is NOT audited (the crossing log records it), so the lanes never wait on the head.
 *
 * <p>On a Galera cluster the head's lock is local to a node: two nodes may each append link n+1 and the second commit
 * fails certification on the head row (and on the event's primary key, which is the chain's order). What decides is
 * that primary key ({@code audit_event.id} = head's last id + 1) and the head row's write set; the loser's whole
 * transaction runs again ({@link kr.kaesongcrossing.system.RetryOnWriteConflict}, here when the append is the
 * transaction, otherwise at the caller's boundary) and chains after the winner.
 *
 * <p>{@code detail} is short key=value text. Never put ID numbers, passwords, secrets, tokens or codes in it.
 */
@Service
public class AuditTrail {

    /** Whether the recorded action went through or was refused. */
    public enum Outcome { SUCCESS, REFUSED }

    /** One action of a batch ({@link #recordAllAs}): what it was done to and its detail. */
    public record Entry(Subject subject, String detail) {
    }

    static final int MAX_DETAIL = 500;
    private static final int JDBC_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger("kr.kaesongcrossing.audit");

    @PersistenceContext
    private EntityManager entityManager;

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** A successful action by the current actor. */
    @RetryOnWriteConflict
    @Transactional
    public void record(String action, Subject subject, String detail) {
        append(currentActor(), action, subject, Outcome.SUCCESS, detail);
    }

    /** A refused action (e.g. a failed sign-in) by the current actor. */
    @RetryOnWriteConflict
    @Transactional
    public void refused(String action, Subject subject, String detail) {
        append(currentActor(), action, subject, Outcome.REFUSED, detail);
    }

    /** An action by a named actor: a device, a system job, or an account outside its own request. */
    @RetryOnWriteConflict
    @Transactional
    public void recordAs(Actor actor, String action, Subject subject, Outcome outcome, String detail) {
        append(actor, action, subject, outcome, detail);
    }

    /**
     * Many actions of one named actor at once (a system job working through a batch): one flush and one lock of the
     * head for all of them, each still its own link of the chain, inserted in JDBC batches. As with one record, the
     * last step of the caller's transaction.
     */
    @RetryOnWriteConflict
    @Transactional
    public void recordAllAs(Actor actor, String action, Outcome outcome, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        entityManager.flush();
        Session session = entityManager.unwrap(Session.class);
        Integer batchSize = session.getJdbcBatchSize();
        session.setJdbcBatchSize(JDBC_BATCH);
        try {
            AuditHead head = lockHead();
            for (Entry entry : entries) {
                append(head, actor, action, entry.subject(), outcome, entry.detail());
            }
            entityManager.flush();
        } finally {
            session.setJdbcBatchSize(batchSize);
        }
    }

    private void append(Actor actor, String action, Subject subject, Outcome outcome, String detail) {
        entityManager.flush();
        append(lockHead(), actor, action, subject, outcome, detail);
    }

    private AuditHead lockHead() {
        return entityManager.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Chains the event to the locked head and advances it. */
    private void append(AuditHead head, Actor actor, String action, Subject subject, Outcome outcome, String detail) {
        // whole seconds: Connector/J drops fractions against MariaDB 10.x, and the hash must match what is read back
        AuditEvent event = new AuditEvent(head.getLastId() + 1, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                actor, action, subject, outcome, clientAddress(), clean(detail), head.getLastHash());
        entityManager.persist(event);
        head.advance(event);
        LOG.info("{} outcome={} actor={}{}{} subject={}{} {}", action, outcome, actor.kind(),
                actor.id() == null ? "" : ":" + actor.id(), actor.role() == null ? "" : "/" + actor.role(),
                subject.type() == null ? "-" : subject.type(), subject.id() == null ? "" : ":" + subject.id(),
                event.getDetail() == null ? "" : event.getDetail());
    }

    /** The signed-in account or device of this thread's request; anonymous otherwise. */
    static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditPrincipal principal) {
            return principal.auditActor();
        }
        return Actor.anonymous();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** One line, no control characters, at most {@value #MAX_DETAIL} characters; null when empty. */
    private static String clean(String detail) {
        if (detail == null) {
            return null;
        }
        String line = detail.replaceAll("\\p{Cntrl}", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) : line;
    }
}
