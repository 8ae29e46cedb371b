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
 * {@link kr.kaesongcrossing.application.ApplicationStatus},
 * {@link kr.kaesongcrossing.application.TravellerProfiles} (a person's own traveller profile, by account),
 * {@link kr.kaesongcrossing.application.ScreeningSubjects} (what watch-list screening reads of an application, and
 * the hold it puts on approval), {@link kr.kaesongcrossing.application.TripGoods} with
 * {@link kr.kaesongcrossing.application.DeclaredGoodsLine} (a trip's declared goods, ticked off at the gate), the
 * standing permit events {@link kr.kaesongcrossing.application.PermitGranted},
 * {@link kr.kaesongcrossing.application.PermitRevoked} and {@link kr.kaesongcrossing.application.PermitExpiring}, and
 * {@link kr.kaesongcrossing.application.TravellerCrossed}, which the checkpoint publishes.
 *
 * <p>Rooms, internal to the module (their types are public only so that the rooms can use each other):
 * <ul>
 * <li>{@code model}: the {@code TravelApplication} entity and its state changes, its repository and read views, trip
 * rules, the ID number cipher, the refusals and their messages, the status events it publishes, the trip's seats
 * in the schedule ({@code TripSeats}), the demo data;</li>
 * <li>{@code goods}: the goods reference list (HS categories and their status for carrying north under the UN
 * sanctions, {@code docs/goods-categories.md}) that each goods line names;</li>
 * <li>{@code photo}: the applicant's photo, re-encoded on upload, and its storage;</li>
 * <li>{@code profile}: traveller profiles ({@code /profile}): a civilian's personal data kept once, with its history,
 * used by every new application; profiles an organisation's coordinators keep for its people (the organisation
 * module says who coordinates what);</li>
 * <li>{@code vehicle}: the vehicle registry ({@code /vehicles}): vehicles registered to a person or, by its
 * coordinators, to an organisation, with their operating permit; an application brings one of them (its applicant
 * drives), and the trip's approval carries it to the pass module, which issues the vehicle pass;</li>
 * <li>{@code group}: group trips ({@code /groups}, {@code /review/groups}): a coordinator files one for saved profiles,
 * each traveller gets their own application, all seats are held or none; officers decide on the members together;</li>
 * <li>{@code apply}: the civilian's form with its slot choices, own applications, submit and withdraw
 * ({@code /applications});</li>
 * <li>{@code review}: the officers' queue and decisions (one at a time, or the same decision for several, each on its
 * own), the duplicate check (who else holds overlapping dates for a person), moving travellers between slots and the
 * list of those to rebook after a slot was cancelled ({@code /review});</li>
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
