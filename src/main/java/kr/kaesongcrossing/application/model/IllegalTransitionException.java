package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.application.ApplicationStatus;

import kr.kaesongcrossing.system.Refusal;

/** The application's current status does not allow the action; nothing was changed. */
public class IllegalTransitionException extends Refusal {

    private final Action action;
    private final ApplicationStatus current;

    public IllegalTransitionException(Action action, ApplicationStatus current) {
        this(action, current, action.messageKey());
    }

    IllegalTransitionException(Action action, ApplicationStatus current, String messageKey) {
        super(action + " is not allowed in status " + current, messageKey, current.label());
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
