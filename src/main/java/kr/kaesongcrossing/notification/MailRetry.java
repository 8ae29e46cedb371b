package kr.kaesongcrossing.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import kr.kaesongcrossing.checkpoint.RouteModeChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Resubmits the applicant mail whose event publication is incomplete: a failed attempt after a back-off
 * ({@code kc.mail.retry.backoff}, doubled per attempt, at most an hour), and an attempt that has not finished
 * within {@link MailDelivery#LEASE} (its instance died). Every {@code kc.mail.retry.interval} on every instance,
 * the first pass at start-up, so a mail that failed is also retried after a restart. Two instances may resubmit
 * the same publication at once: {@link MailDelivery}'s claim lets one of them send. Spring Modulith's
 * republish-on-restart stays off: it would resubmit all that is outstanding at once, without back-off, including
 * what the other instance is still sending.
 */
@Component
@EnableScheduling
class MailRetry implements SchedulingConfigurer {

    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final IncompleteEventPublications publications;
    private final Clock clock;
    private final Duration interval;
    private final Duration backoff;

    MailRetry(IncompleteEventPublications publications, Clock clock,
            @Value("${kc.mail.retry.interval:PT1M}") Duration interval,
            @Value("${kc.mail.retry.backoff:PT1M}") Duration backoff) {
        this.publications = publications;
        this.clock = clock;
        this.interval = interval;
        this.backoff = backoff;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!interval.isZero() && !interval.isNegative()) {
            tasks.addFixedDelayTask(() -> resubmit(clock.instant()), interval);
        }
    }

    void resubmit(Instant now) {
        publications.resubmitIncompletePublications(
                publication -> due(publication, now) && (publication.getEvent() instanceof ApplicationStatusChanged
                        || publication.getEvent() instanceof RouteModeChanged));
    }

    private boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        Duration wait = switch (publication.getStatus()) {
            case FAILED -> backoff(publication.getCompletionAttempts());
            case PUBLISHED, PROCESSING, RESUBMITTED -> MailDelivery.LEASE;
            case COMPLETED -> null;
        };
        return wait != null && !last.plus(wait).isAfter(now);
    }

    /** The wait after the {@code attempts}-th attempt (the first is the delivery after commit). */
    Duration backoff(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
