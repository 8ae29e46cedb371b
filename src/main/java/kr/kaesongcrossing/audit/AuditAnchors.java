package kr.kaesongcrossing.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily anchor: the chain's head (last id and hash) with the time, written to the log and to
 * {@code audit_anchor}. Someone copies it elsewhere (a ticket, paper); a later rewrite of the chain that recomputes
 * every hash no longer ends in a hash that was anchored. ShedLock on the database lets one of several instances
 * run it, and not again for a minute.
 */
@Service
class AuditAnchors {

    static final String JOB = "audit-anchor";
    private static final Logger LOG = LoggerFactory.getLogger("kr.kaesongcrossing.audit");

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditAnchorRepository anchors;
    private final Clock clock;

    AuditAnchors(AuditAnchorRepository anchors, Clock clock) {
        this.anchors = anchors;
        this.clock = clock;
    }

    @Scheduled(cron = "${kc.audit.anchor-cron}", zone = "Asia/Seoul")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    // not @RetryOnWriteConflict: its advice would sit outside the job's lock, which stays taken for a minute, so a
    // retry would only skip; an anchor lost to a write conflict is taken at the next run
    @Transactional
    public void anchor() {
        AuditHead head = entityManager.find(AuditHead.class, AuditHead.ID);
        AuditAnchor anchor = anchors.save(new AuditAnchor(clock.instant().truncatedTo(ChronoUnit.SECONDS),
                head.getLastId(), head.getLastHash()));
        LOG.info("audit.anchor at={} event={} hash={}", anchor.getAnchoredAt(), anchor.getEventId(), anchor.getHash());
    }

    @Transactional(readOnly = true)
    List<AuditAnchor> latest() {
        return anchors.findTop10ByOrderByIdDesc();
    }
}
