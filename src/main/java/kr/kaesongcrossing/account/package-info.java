/**
 * Accounts and roles: registration, form login with throttling, the role home pages, staff administration at
 * {@code /admin/users}, the password policy, changing a password and resetting it by mail, a person's own sessions
 * ({@code /account/sessions}) and their absolute lifetime, demo accounts (embedded mode) and the first administrator.
 * Room {@code mfa}: the staff second factor (TOTP enrolment and codes, passkeys for everyone at
 * {@code /account/passkeys} and as sign-in, recovery codes, the gate on staff pages and the step-up for sensitive
 * actions); it shares the sign-in failure count through {@link
 * kr.kaesongcrossing.account.SignInFailures}.
 * Public API for other modules: {@link kr.kaesongcrossing.account.AccountPrincipal} (the session principal),
 * {@link kr.kaesongcrossing.account.Role}, {@link kr.kaesongcrossing.account.Accounts} (contact details; the principal of a passkey sign-in for the room) and the
 * event {@link kr.kaesongcrossing.account.PasswordResetRequested} (the notification module mails the link).
 */
@ApplicationModule(allowedDependencies = {"audit", "system"})
package kr.kaesongcrossing.account;

import org.springframework.modulith.ApplicationModule;
