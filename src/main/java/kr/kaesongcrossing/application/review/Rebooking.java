package kr.kaesongcrossing.application.review;

import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.schedule.SlotKey;

/** A trip still going ahead whose seat is in a cancelled slot: an officer moves it to another. */
public record Rebooking(long applicationId, String reference, String nameKorean, String nameLatin, ApplicationStatus status,
        SlotKey cancelledSlot) {
}
