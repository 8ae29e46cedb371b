package kr.kaesongcrossing.application;

import kr.kaesongcrossing.schedule.SlotKey;

/**
 * Published inside the transaction in which an officer puts a trip in another slot of a direction ({@code from}
 * null: the trip held no seat that way, e.g. added after the list closed). {@code late}: added after the list closed.
 */
public record TravellerMoved(long applicationId, String reference, long applicantAccountId, SlotKey from, SlotKey to,
        boolean late) {
}
