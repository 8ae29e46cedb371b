package kr.kaesongcrossing.application;

/** A traveller expected in a slot, as the gate shows them: Hangul and Latin name. */
public record SlotTraveller(long applicationId, String nameKorean, String nameLatin) {
}
