package kr.kaesongcrossing.application.permit;

import kr.kaesongcrossing.system.Refusal;

/** A permit change or booking the rules do not allow; the message key says why. */
public class PermitRefused extends Refusal {

    PermitRefused(String messageKey, Object... arguments) {
        super(messageKey, messageKey, arguments);
    }
}
