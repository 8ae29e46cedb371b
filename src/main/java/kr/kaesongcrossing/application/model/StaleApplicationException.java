package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.application.ApplicationStatus;

/** Someone changed the application after the page the decision came from was shown; nothing was changed. */
public class StaleApplicationException extends RuntimeException {

    private final ApplicationStatus current;

    public StaleApplicationException(ApplicationStatus current) {
        super("application changed meanwhile; now " + current);
        this.current = current;
    }

    public ApplicationStatus current() {
        return current;
    }
}
