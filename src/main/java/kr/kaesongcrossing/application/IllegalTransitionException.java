package kr.kaesongcrossing.application;

/** The application's current status does not allow the action; nothing was changed. */
class IllegalTransitionException extends RuntimeException {

    private final Action action;
    private final ApplicationStatus current;

    IllegalTransitionException(Action action, ApplicationStatus current) {
        super(action + " is not allowed in status " + current);
        this.action = action;
        this.current = current;
    }

    Action action() {
        return action;
    }

    ApplicationStatus current() {
        return current;
    }
}
