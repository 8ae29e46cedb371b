package kr.kaesongcrossing.application;

import kr.kaesongcrossing.system.Refusal;

/** The application's current status does not allow the action; nothing was changed. */
class IllegalTransitionException extends Refusal {

    private final Action action;
    private final ApplicationStatus current;

    IllegalTransitionException(Action action, ApplicationStatus current) {
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

    ApplicationStatus current() {
        return current;
    }
}
