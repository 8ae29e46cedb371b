/**
 * Cross-cutting web set-up: the security filter chain and headers, locale (Korean default, English), message
 * source, the {@link java.time.Clock}, error pages, and helpers every page's layout uses (language links,
 * pagination URLs). No business rules here. Public API for every module: {@link kr.kaesongcrossing.system.OfficeTime}
 * (the office's time zone, trip days and how times are shown), {@link kr.kaesongcrossing.system.PageAccess} (each
 * module's own rules for who may open its pages), {@link kr.kaesongcrossing.system.SignInMethod} (a module's own way
 * to sign in, such as passkeys), {@link kr.kaesongcrossing.system.Refusal} and
 * {@link kr.kaesongcrossing.system.OnRefusal} (a refused change, shown on the page the handler names),
 * {@link kr.kaesongcrossing.system.DataCipher} (personal data and secrets sealed at rest),
 * {@link kr.kaesongcrossing.system.PdfDocuments} (printable documents with the embedded Hangul fonts),
 * {@link kr.kaesongcrossing.system.RetryOnWriteConflict} (a transaction that lost a write conflict, e.g. a failed
 * Galera certification, runs again),
 * {@link kr.kaesongcrossing.system.Photos} (the thumbnail of a traveller's photo that pages show), and
 * {@link kr.kaesongcrossing.system.SpreadsheetCsv} (CSV that spreadsheets open in Hangul and never run as formulas).
 * It uses no other module.
 */
@ApplicationModule(allowedDependencies = {})
package kr.kaesongcrossing.system;

import org.springframework.modulith.ApplicationModule;
