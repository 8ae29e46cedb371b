package kr.kaesongcrossing.application;

import kr.kaesongcrossing.system.Refusal;

/** Someone changed the application after the page the decision came from was shown; nothing was changed. */
class StaleApplicationException extends Refusal {

    private final ApplicationStatus current;

    StaleApplicationException(ApplicationStatus current) {
        super("application changed meanwhile; now " + current, "application.refused.stale", current.label());
        this.current = current;
    }

    ApplicationStatus current() {
        return current;
    }
}
