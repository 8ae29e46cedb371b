/**
 * Screening of travellers against the office's watch list (issue 17). ADMIN keeps the list at
 * {@code /admin/watchlist}: names in Hangul and/or Latin letters, date of birth and ID document number when known
 * (the number only as its keyed hash, {@link kr.kaesongcrossing.system.IdentityHash}), reason, source and since
 * when. Names are compared across scripts by {@link kr.kaesongcrossing.screening.NameMatcher} (I/O-free).
 * Public API: {@link kr.kaesongcrossing.screening.WatchList} (the entries, added and removed with an audit event)
 * and {@link kr.kaesongcrossing.screening.NameMatcher}.
 */
@ApplicationModule(allowedDependencies = {"audit", "system"})
package kr.kaesongcrossing.screening;

import org.springframework.modulith.ApplicationModule;
