package kr.kaesongcrossing.organisation;

import kr.kaesongcrossing.system.Refusal;

/** A change to an organisation or its membership that the rules do not allow; the message key says why. */
class OrganisationRefused extends Refusal {

    OrganisationRefused(String messageKey) {
        super(messageKey, messageKey);
    }
}
