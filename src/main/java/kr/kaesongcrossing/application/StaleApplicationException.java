package kr.kaesongcrossing.application;

/** Someone changed the application after the page the decision came from was shown; nothing was changed. */
class StaleApplicationException extends RuntimeException {

    private final ApplicationStatus current;

    StaleApplicationException(ApplicationStatus current) {
        super("application changed meanwhile; now " + current);
        this.current = current;
    }

    ApplicationStatus current() {
        return current;
    }
}
