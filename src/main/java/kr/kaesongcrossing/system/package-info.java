/**
 * Cross-cutting web set-up: the security filter chain and headers, locale (Korean default, English), message
 * source, the {@link java.time.Clock}, error pages, and helpers every page's layout uses (language links,
 * pagination URLs). No business rules here. Public API for every module: {@link kr.kaesongcrossing.system.OfficeTime}
 * (the office's time zone, trip days and how times are shown). It uses no other module.
 */
@ApplicationModule(allowedDependencies = {})
package kr.kaesongcrossing.system;

import org.springframework.modulith.ApplicationModule;
