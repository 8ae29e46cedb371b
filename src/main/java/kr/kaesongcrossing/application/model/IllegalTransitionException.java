package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.application.ApplicationStatus;

/** The application's current status does not allow the action; nothing was changed. */
public class IllegalTransitionException extends RuntimeException {

    private final Action action;
    private final ApplicationStatus current;

    public IllegalTransitionException(Action action, ApplicationStatus current) {
        super(action + " is not allowed in status " + current);
        this.action = action;
        this.current = current;
    }

    Action action() {
        return action;
    }

    public ApplicationStatus current() {
        return current;
    }
}
