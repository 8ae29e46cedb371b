/**
 * Travel applications: civilians apply to cross, office staff review them, send each slot's manifest to the North,
 * and the counterpart consents. A trip holds its seats in the crossing {@code schedule} (a northbound slot on its
 * entry date, a southbound one on its return date) from submission until it ends; officers move travellers
 * between slots and rebook those of cancelled ones.
 *
 * <p>Public API (this package, the only one other modules may use):
 * {@link kr.kaesongcrossing.application.TravelApprovals} (approved for travel; a trip's slot and consent for it;
 * who is expected in a slot; with {@link kr.kaesongcrossing.application.PlannedTrip} and
 * {@link kr.kaesongcrossing.application.SlotTraveller}), the events
 * {@link kr.kaesongcrossing.application.TripApprovedForTravel},
 * {@link kr.kaesongcrossing.application.TripApprovalWithdrawn},
 * {@link kr.kaesongcrossing.application.ApplicationStatusChanged},
 * {@link kr.kaesongcrossing.application.TravellerMoved} (an officer put a trip in another slot) and
 * {@link kr.kaesongcrossing.application.TravellerSlotCancelled} (a trip's slot was cancelled),
 * {@link kr.kaesongcrossing.application.ApplicationStatus}, the standing permit events
 * {@link kr.kaesongcrossing.application.PermitGranted}, {@link kr.kaesongcrossing.application.PermitRevoked} and
 * {@link kr.kaesongcrossing.application.PermitExpiring}, and
 * {@link kr.kaesongcrossing.application.TravellerCrossed}, which the checkpoint publishes.
 *
 * <p>Rooms, internal to the module (their types are public only so that the rooms can use each other):
 * <ul>
 * <li>{@code model}: the {@code TravelApplication} entity and its state changes, its repository and read views, trip
 * rules, the ID number cipher, the refusals and their messages, the status events it publishes, the trip's seats
 * in the schedule ({@code TripSeats}), the demo data;</li>
 * <li>{@code photo}: the applicant's photo, re-encoded on upload, and its storage;</li>
 * <li>{@code apply}: the civilian's form with its slot choices, own applications, submit and withdraw
 * ({@code /applications});</li>
 * <li>{@code review}: the officers' queue and decisions, moving travellers between slots and the list of those
 * to rebook after a slot was cancelled ({@code /review});</li>
 * <li>{@code consent}: recording the counterpart's answer, one by one or by CSV import, for a date or a slot
 * (consent per slot);</li>
 * <li>{@code manifest}: the slots of the coming days and each slot's manifest for the North ({@code /review/slots}):
 * versions, CSV and PDF, what changed since the version sent;</li>
 * <li>{@code presence}: whether a trip's traveller is inside the zone, as the checkpoint reports it;</li>
 * <li>{@code permit}: standing permits ({@code /review/permits} for officers, {@code /permits} for holders and
 * coordinators): grant, revoke, book a crossing without a review, renewals, the expiry reminder.</li>
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"account", "audit", "organisation", "schedule", "system"})
package kr.kaesongcrossing.application;

import org.springframework.modulith.ApplicationModule;
