/**
 * The checkpoint: scanning passes at the lanes of the gates along the route, deciding each northbound (출경) or
 * southbound (입경) crossing, writing every scan to the crossing log, keeping who is in transit or inside (the
 * roster), scanner devices and their JSON API, and the route's mode. It publishes
 * {@link kr.kaesongcrossing.application.TravellerCrossed} and {@link kr.kaesongcrossing.checkpoint.RouteModeChanged}.
 *
 * <p>Public API (this package): {@link kr.kaesongcrossing.checkpoint.RouteModeChanged} with
 * {@link kr.kaesongcrossing.checkpoint.RoutePeriod} and {@link kr.kaesongcrossing.checkpoint.RouteMode}.
 *
 * <p>Rooms, internal to the module (their types are public only so that the rooms can use each other):
 * <ul>
 * <li>{@code scan}: the route and its gates ({@code Route}), the decision rule ({@code ScanRules}), the scan
 * service, the lane station ({@code /checkpoint}) and the scanner JSON API ({@code /api/v1}), token and photo input,
 * where each pass holder is along the route;</li>
 * <li>{@code log}: the crossing log, its page and CSV export ({@code /checkpoint/log});</li>
 * <li>{@code device}: scanner devices, their tokens, their administration ({@code /admin/devices}) and the API's
 * security chain;</li>
 * <li>{@code roster}: who is in transit or inside the zone ({@code /checkpoint/roster}), long transits (also
 * flagged on the staff home pages through the {@code roster} bean), and the approved trips it is built from;</li>
 * <li>{@code route}: the route's mode (OPEN, SOUTHBOUND_ONLY, CLOSED) over time, its page ({@code /checkpoint/route}),
 * the staff banner and the applicants' notices;</li>
 * <li>{@code day}: the close of an office day ({@code /checkpoint/day}): who is overdue, who crossed without a slot,
 * the overrides and counts of the day, the goods differences still open, and the supervisor's sign-off;</li>
 * <li>{@code goods}: the tick-off of a trip's declared goods after an accepted scan
 * ({@code /checkpoint/scans/{scanId}/goods}, offered under the station's answer), and per trip what went north and
 * came back with the open differences, closed with a reason ({@code /checkpoint/goods}).</li>
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"account", "application", "audit", "pass", "schedule", "system"})
package kr.kaesongcrossing.checkpoint;

import org.springframework.modulith.ApplicationModule;
