package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.application.ApplicationStatus;

import kr.kaesongcrossing.system.Refusal;

/** Someone changed the application after the page the decision came from was shown; nothing was changed. */
public class StaleApplicationException extends Refusal {

    private final ApplicationStatus current;

    public StaleApplicationException(ApplicationStatus current) {
        super("application changed meanwhile; now " + current, "application.refused.stale", current.label());
        this.current = current;
    }

    public ApplicationStatus current() {
        return current;
    }
}
