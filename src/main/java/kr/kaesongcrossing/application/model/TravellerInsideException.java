package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.application.ApplicationStatus;

/** The applicant tried to withdraw a trip while the crossing log shows them inside the zone; nothing changed. */
class TravellerInsideException extends IllegalTransitionException {

    TravellerInsideException(ApplicationStatus current) {
        super(Action.WITHDRAW, current, "application.refused.travellerInside");
    }
}
