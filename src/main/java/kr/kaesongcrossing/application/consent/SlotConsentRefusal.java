package kr.kaesongcrossing.application.consent;

import kr.kaesongcrossing.system.Refusal;

/** Refused: consent for a slot cannot be recorded for this trip; nothing was changed. */
class SlotConsentRefusal extends Refusal {

    private SlotConsentRefusal(String message, String code) {
        super(message, code);
    }

    /** The trip holds no seat in the slot (moved, released, or never there). */
    static SlotConsentRefusal notInSlot() {
        return new SlotConsentRefusal("the trip holds no seat in the slot", "application.consent.problem.notInSlot");
    }

    /** The officer is the applicant: another officer records the counterpart's answer. */
    static SlotConsentRefusal own() {
        return new SlotConsentRefusal("the officer is the applicant", "application.refused.own");
    }
}
