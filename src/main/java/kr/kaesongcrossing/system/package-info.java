/**
 * Cross-cutting web set-up: the security filter chain and headers, locale (Korean default, English), message
 * source, the {@link java.time.Clock}, error pages, and helpers every page's layout uses (language links,
 * pagination URLs). No business rules here.
 */
package kr.kaesongcrossing.system;
