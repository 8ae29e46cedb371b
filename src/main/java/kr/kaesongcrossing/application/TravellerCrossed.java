package kr.kaesongcrossing.application;

/**
 * Published by the checkpoint when a trip's traveller crosses a gate on the route, in the same transaction as the
 * crossing log row. {@code inside}: north of the first gate afterwards, in transit through the DMZ or inside the
 * zone; either way on the trip.
 */
public record TravellerCrossed(long applicationId, boolean inside) {
}
