/**
 * Mail to applicants when their application is decided (approved for travel, rejected, information requested,
 * consent refused), in their language. Each message is stored, then sent after the deciding transaction
 * commits: through the configured SMTP server, or, without one, written to the log. ADMIN lists them at
 * {@code /admin/mail}. Listens to {@link kr.kaesongcrossing.application.ApplicationStatusChanged}; no public API.
 */
@ApplicationModule(allowedDependencies = {"account", "application", "system"})
package kr.kaesongcrossing.notification;

import org.springframework.modulith.ApplicationModule;
