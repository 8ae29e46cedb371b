package kr.kaesongcrossing.application.permit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily expiry reminder. ShedLock lets one instance run it; the per-permit mark in {@link Permits#remindExpiring}
 * keeps it to one mail per permit even if two runs overlap.
 */
@Component
class PermitReminders {

    static final String JOB = "permit-reminders";
    private static final Logger log = LoggerFactory.getLogger(PermitReminders.class);

    private final Permits permits;
    private final PermitSettings settings;

    PermitReminders(Permits permits, PermitSettings settings) {
        this.permits = permits;
        this.settings = settings;
    }

    @Scheduled(cron = "${kc.permits.reminder-cron}", zone = "Asia/Seoul")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        int reminded = permits.remindExpiring(settings.reminderDays());
        log.info("Permit expiry reminders: {} holder(s) reminded", reminded);
    }
}
