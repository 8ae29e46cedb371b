package kr.kaesongcrossing.application.model;

/** What someone tried to do with an application; names the refusal message when it is not allowed. */
public enum Action {
    EDIT, SUBMIT, WITHDRAW, APPROVE, REJECT, REQUEST_INFORMATION, RECORD_CONSENT, REVOKE, MOVE;

    String messageKey() {
        return "application.refused." + name();
    }
}
