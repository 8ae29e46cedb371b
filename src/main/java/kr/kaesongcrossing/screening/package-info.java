/**
 * Screening of travellers against the office's watch list (issue 17). ADMIN keeps the list at
 * {@code /admin/watchlist}: names in Hangul and/or Latin letters, date of birth and ID document number when known
 * (the number only as its keyed hash, {@link kr.kaesongcrossing.system.IdentityHash}), reason, source and since
 * when. Names are compared across scripts by {@link kr.kaesongcrossing.screening.NameMatcher} (I/O-free).
 * {@link kr.kaesongcrossing.screening.Screening} screens each application when it is submitted (listening to the
 * application module's {@code ApplicationStatusChanged}) and every undecided one when an entry is added; a possible
 * match holds the application through {@code ScreeningSubjects} until an officer clears it with a reason at
 * {@code /review/screening/{applicationId}} or refuses the application.
 * Public API: {@link kr.kaesongcrossing.screening.WatchList} (the entries, added and removed with an audit event),
 * {@link kr.kaesongcrossing.screening.Screening} and {@link kr.kaesongcrossing.screening.NameMatcher}.
 */
@ApplicationModule(allowedDependencies = {"application", "audit", "system"})
package kr.kaesongcrossing.screening;

import org.springframework.modulith.ApplicationModule;
