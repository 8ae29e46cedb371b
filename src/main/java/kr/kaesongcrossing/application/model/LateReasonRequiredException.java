package kr.kaesongcrossing.application.model;

import kr.kaesongcrossing.system.Refusal;

/** Refused: the slot's list has closed, so adding the traveller is a late addition and needs a reason. */
public class LateReasonRequiredException extends Refusal {

    public LateReasonRequiredException() {
        super("a late addition needs a reason", "application.refused.lateReason");
    }
}
