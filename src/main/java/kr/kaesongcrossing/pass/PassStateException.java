package kr.kaesongcrossing.pass;

import kr.kaesongcrossing.system.Refusal;

/** A refused state change; the message key names the text shown to the user. */
class PassStateException extends Refusal {

    PassStateException(String messageKey) {
        super(messageKey, messageKey);
    }
}
