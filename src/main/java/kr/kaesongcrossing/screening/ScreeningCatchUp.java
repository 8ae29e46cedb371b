package kr.kaesongcrossing.screening;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Screens again while the list has an entry that no complete run has screened against. A list change commits
 * before its screening, which then runs chunk by chunk: should the instance stop in between, the trips would wait
 * unscreened against the new entry until the next change. This job, on whichever instance holds its lock, catches
 * up within minutes (a run that finds nothing to do costs one query).
 */
@Component
class ScreeningCatchUp {

    static final String JOB = "screening-catch-up";

    private final Screening screening;

    ScreeningCatchUp(Screening screening) {
        this.screening = screening;
    }

    @Scheduled(cron = "${kc.screening.catch-up-cron}", zone = "Asia/Seoul")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT2H")
    public void run() {
        if (screening.behind()) {
            screening.screenAgain();
        }
    }
}
