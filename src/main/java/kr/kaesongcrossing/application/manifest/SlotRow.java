package kr.kaesongcrossing.application.manifest;

import kr.kaesongcrossing.schedule.Slot;

/** A slot on the list of the coming days, with where its manifest stands. */
public record SlotRow(Slot slot, Status status, Integer sentVersion) {

    /** Where a slot's list stands, latest first: consent received, sent, list closed, open (or cancelled). */
    public enum Status {
        OPEN, LIST_CLOSED, SENT, CONSENT_RECEIVED, CANCELLED;

        public String label() {
            return "manifest.status." + name();
        }
    }

    public String key() {
        return slot.key().toString();
    }
}
