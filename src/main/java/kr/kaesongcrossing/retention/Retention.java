package kr.kaesongcrossing.retention;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import kr.kaesongcrossing.application.ApplicationRetention;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditRetention;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.checkpoint.CrossingLogRetention;
import kr.kaesongcrossing.checkpoint.PresenceRetention;
import kr.kaesongcrossing.notification.MailRetention;
import kr.kaesongcrossing.pass.PassRetention;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periods in force and the job that applies them: nightly ({@code kc.retention.cron}, KST) or by hand from the
 * settings page, under one ShedLock so one instance runs it at a time. Each owning module works in short batches of
 * its own; rows already done are marked and skipped, so a second run finds nothing more. The run ends with one audit
 * event carrying the counts. Audit events go first, so the run's own event is never among those deleted.
 */
@Service
class Retention {

    static final String JOB = "retention";
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** What a run anonymises or deletes (or, in a preview, would); a flash attribute, so kept in the session. */
    record Counts(long finishedTrips, long refused, long passes, long manifests, long presence, long crossingLog,
            long mails, long publications, long auditEvents, long permits, long groups, long profiles)
            implements Serializable {

        String describe() {
            return "finished-trips=" + finishedTrips + " refused=" + refused + " passes=" + passes
                    + " manifests=" + manifests + " presence=" + presence + " crossing-log=" + crossingLog
                    + " mails=" + mails + " publications=" + publications + " audit-events=" + auditEvents
                    + " permits=" + permits + " groups=" + groups + " profiles=" + profiles;
        }
    }

    private final RetentionSettingsRepository settings;
    private final RetentionDefaults defaults;
    private final ApplicationRetention applications;
    private final PassRetention passes;
    private final PresenceRetention presence;
    private final CrossingLogRetention crossingLog;
    private final MailRetention mails;
    private final PublicationRetention publications;
    private final AuditRetention auditEvents;
    private final AuditTrail trail;
    private final Clock clock;

    Retention(RetentionSettingsRepository settings, RetentionDefaults defaults, ApplicationRetention applications,
            PassRetention passes, PresenceRetention presence, CrossingLogRetention crossingLog, MailRetention mails,
            PublicationRetention publications, AuditRetention auditEvents, AuditTrail trail, Clock clock) {
        this.settings = settings;
        this.defaults = defaults;
        this.applications = applications;
        this.passes = passes;
        this.presence = presence;
        this.crossingLog = crossingLog;
        this.mails = mails;
        this.publications = publications;
        this.auditEvents = auditEvents;
        this.trail = trail;
        this.clock = clock;
    }

    /** The periods in force: those saved by ADMIN, else the defaults. */
    @Transactional(readOnly = true)
    RetentionForm periods() {
        return settings.findById(RetentionSettings.ID).map(RetentionSettings::form).orElseGet(defaults::form);
    }

    @RetryOnWriteConflict
    @Transactional
    void change(RetentionForm form) {
        settings.findById(RetentionSettings.ID).ifPresentOrElse(s -> s.change(form, clock.instant()),
                () -> settings.save(new RetentionSettings(form, clock.instant())));
        trail.record("retention.settings-changed", Subject.of("retention", null), form.describe());
    }

    /** What a run now would do; changes nothing. */
    Counts preview() {
        RetentionForm periods = periods();
        Instant now = clock.instant();
        return new Counts(applications.countFinishedTrips(dayBefore(now, periods.tripDays())),
                applications.countRefused(before(now, periods.refusedDays())),
                passes.countEndedBefore(before(now, periods.tripDays())),
                applications.countManifestVersions(dayBefore(now, periods.tripDays())),
                presence.countEndedBefore(before(now, periods.tripDays())),
                crossingLog.countScannedBefore(before(now, periods.crossingLogDays())),
                mails.countCreatedBefore(before(now, periods.mailDays())),
                publications.countIncompleteBefore(before(now, periods.mailDays())),
                auditEvents.countBefore(before(now, periods.auditDays())),
                applications.countEndedPermits(dayBefore(now, periods.tripDays()), before(now, periods.tripDays())),
                applications.countFinishedGroups(dayBefore(now, periods.tripDays())),
                applications.countUnusedProfiles(dayBefore(now, periods.tripDays()), before(now, periods.tripDays())));
    }

    @Scheduled(cron = "${kc.retention.cron}", zone = "Asia/Seoul")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void nightly() {
        apply(Actor.system(JOB));
    }

    /** A run by hand; empty when another instance (or the nightly job) holds the lock. */
    @SchedulerLock(name = JOB, lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public Optional<Counts> runBy(Actor actor) {
        return Optional.of(apply(actor));
    }

    private Counts apply(Actor actor) {
        RetentionForm periods = periods();
        Instant now = clock.instant();
        long audit = auditEvents.deleteBefore(before(now, periods.auditDays()));
        Counts counts = new Counts(
                applications.anonymiseFinishedTrips(dayBefore(now, periods.tripDays()), now),
                applications.anonymiseRefused(before(now, periods.refusedDays()), now),
                passes.anonymiseEndedBefore(before(now, periods.tripDays()), now),
                applications.anonymiseManifestVersions(dayBefore(now, periods.tripDays()), now),
                presence.clearNamesEndedBefore(before(now, periods.tripDays())),
                crossingLog.anonymiseScannedBefore(before(now, periods.crossingLogDays()), now),
                mails.deleteCreatedBefore(before(now, periods.mailDays())),
                publications.deleteIncompleteBefore(before(now, periods.mailDays())),
                audit,
                applications.anonymiseEndedPermits(dayBefore(now, periods.tripDays()), before(now, periods.tripDays()),
                        now),
                applications.anonymiseFinishedGroups(dayBefore(now, periods.tripDays()), now),
                applications.deleteUnusedProfiles(dayBefore(now, periods.tripDays()), before(now, periods.tripDays())));
        trail.recordAs(actor, "retention.run", Subject.of("retention", null), AuditTrail.Outcome.SUCCESS,
                counts.describe());
        LOG.info("retention.run {}", counts.describe());
        return counts;
    }

    private static Instant before(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }

    /** Return dates are office (KST) days: a trip is past its period when it returned before this day. */
    private static LocalDate dayBefore(Instant now, int days) {
        return OfficeTime.dateOf(now).minusDays(days);
    }
}
