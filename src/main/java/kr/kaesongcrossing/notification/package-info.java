/**
 * Mail to applicants when their application is decided (approved for travel, rejected, information requested,
 * consent refused), when their crossing changes (moved to another slot by an officer, or their slot cancelled:
 * {@link kr.kaesongcrossing.application.TravellerMoved}, {@link kr.kaesongcrossing.application.TravellerSlotCancelled})
 * and when a route mode change meets their planned trip ({@link kr.kaesongcrossing.checkpoint.RouteModeChanged}),
 * in their language; and a password reset link when one is asked for
 * ({@link kr.kaesongcrossing.account.PasswordResetRequested}). Listens to {@link kr.kaesongcrossing.application.ApplicationStatusChanged} and the others
 * through Spring Modulith's event publication registry: the event is stored with the deciding transaction, and
 * after commit the message is stored and sent (through the configured SMTP server, or, without one, written to
 * the log). A mail that did not go out keeps its publication incomplete and is resubmitted with back-off, on any
 * instance and after a restart; one attempt at a time holds a mail, so it is never sent twice. ADMIN lists the
 * messages and their outcome at {@code /admin/mail}. No public API.
 */
@ApplicationModule(allowedDependencies = {"account", "application", "checkpoint", "schedule", "system"})
package kr.kaesongcrossing.notification;

import org.springframework.modulith.ApplicationModule;
