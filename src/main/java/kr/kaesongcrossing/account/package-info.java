/**
 * Accounts and roles: registration, form login with throttling, the role home pages, staff administration at
 * {@code /admin/users}, the password policy, demo accounts (embedded mode) and the first administrator.
 * Public API for other modules: {@link kr.kaesongcrossing.account.AccountPrincipal} (the session principal),
 * {@link kr.kaesongcrossing.account.Role} and {@link kr.kaesongcrossing.account.Accounts} (contact details).
 */
@ApplicationModule(allowedDependencies = {"system"})
package kr.kaesongcrossing.account;

import org.springframework.modulith.ApplicationModule;
