package kr.kaesongcrossing.account;

import kr.kaesongcrossing.system.Refusal;

/** An account change that the rules do not allow; the message key tells the person why. */
class AccountChangeRefused extends Refusal {

    AccountChangeRefused(String messageKey) {
        super(messageKey, messageKey);
    }
}
