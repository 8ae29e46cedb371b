/**
 * Travel applications: civilians apply to cross, office staff review them, the counterpart consents.
 *
 * <p>Public API: {@link kr.kaesongcrossing.application.TravelApprovals}, the events
 * {@link kr.kaesongcrossing.application.TripApprovedForTravel},
 * {@link kr.kaesongcrossing.application.TripApprovalWithdrawn} and
 * {@link kr.kaesongcrossing.application.ApplicationStatusChanged}, and {@link kr.kaesongcrossing.application.ApplicationStatus}.
 * Everything else is internal to the module.
 */
package kr.kaesongcrossing.application;
