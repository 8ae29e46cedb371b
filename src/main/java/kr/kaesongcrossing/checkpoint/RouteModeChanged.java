package kr.kaesongcrossing.checkpoint;

import java.time.Instant;

/**
 * Published in the transaction of a route mode change (e.g. to tell applicants whose trips it meets).
 *
 * @param changeId the stored change, one event per change
 * @param period   the new mode, from its start until the next change already scheduled then (or null)
 * @param reason   why, as the supervisor wrote it
 * @param at       when the change was made
 */
public record RouteModeChanged(long changeId, RoutePeriod period, String reason, Instant at) {
}
