package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.system.Refusal;

/**
 * The officer deciding submitted the application themselves (an officer's account can also hold an application,
 * for instance one made before the account became an officer's); another officer decides. Nothing was changed.
 */
public class OwnApplicationException extends Refusal {

    private final Action action;

    OwnApplicationException(Action action) {
        super(action + " refused: the officer is the applicant", "application.refused.own");
        this.action = action;
    }

    Action action() {
        return action;
    }
}
