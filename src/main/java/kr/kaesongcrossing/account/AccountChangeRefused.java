package kr.kaesongcrossing.account;

/** An account change that the rules do not allow; {@link #messageKey()} tells the person why. */
class AccountChangeRefused extends RuntimeException {

    private final String messageKey;

    AccountChangeRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
