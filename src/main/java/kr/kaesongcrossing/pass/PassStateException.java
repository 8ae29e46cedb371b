package kr.kaesongcrossing.pass;

/** A refused state change; {@link #messageKey()} names the text shown to the user. */
class PassStateException extends IllegalStateException {

    private final String messageKey;

    PassStateException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
