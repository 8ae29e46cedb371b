package kr.kaesongcrossing.application;

/**
 * Published by the checkpoint when a trip's traveller is let into ({@code inside}) or out of the zone, in the same
 * transaction as the crossing log row.
 */
public record TravellerCrossed(long applicationId, boolean inside) {
}
