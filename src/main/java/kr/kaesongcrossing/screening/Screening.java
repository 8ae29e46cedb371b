package kr.kaesongcrossing.screening;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.ApplicationStatusChanged;
import kr.kaesongcrossing.application.ScreeningSubjects;
import kr.kaesongcrossing.application.ScreeningSubjects.Subject;
import kr.kaesongcrossing.audit.Actor;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.AuditTrail.Outcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens applications against the watch list: each one when it is submitted (a group's travellers each have their
 * own application), and every undecided one when an entry is added. A possible match (the same ID number hash, or
 * {@link NameMatcher}) is raised once per application and entry and holds the application until an officer clears
 * it with a reason or refuses the application.
 */
@Service
public class Screening {

    private static final Actor SCREENING = Actor.system("screening");

    private final WatchListEntryRepository entries;
    private final ScreeningMatchRepository matches;
    private final ScreeningSubjects subjects;
    private final AuditTrail audit;
    private final Clock clock;

    Screening(WatchListEntryRepository entries, ScreeningMatchRepository matches, ScreeningSubjects subjects,
            AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.matches = matches;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    private record Listed(WatchListEntry entry, NameMatcher.Key key) {
    }

    /** In the submitting transaction, so that no officer sees the application before it is screened. */
    @EventListener
    void on(ApplicationStatusChanged changed) {
        boolean submitted = changed.to() == ApplicationStatus.SUBMITTED
                || ((changed.from() == null || changed.from() == ApplicationStatus.DRAFT)
                        && changed.to().isPlannedTrip() && changed.to() != ApplicationStatus.DRAFT);
        if (submitted) {
            subjects.subject(changed.applicationId()).ifPresent(subject -> screen(subject, listed()));
        }
    }

    /** Screens every undecided application again (the list changed); returns how many are now held. */
    @Transactional
    public int screenUndecided() {
        List<Listed> listed = listed();
        int held = 0;
        for (Subject subject : subjects.undecided()) {
            if (screen(subject, listed)) {
                held++;
            }
        }
        return held;
    }

    /** The matches raised for an application, oldest first. */
    @Transactional(readOnly = true)
    public List<ScreeningMatch> matchesOf(long applicationId) {
        return matches.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /** Clears an open match with the officer's reason and releases the application once none is open. */
    @Transactional
    void clear(long applicationId, long matchId, String reason, Actor officer) {
        ScreeningMatch match = matches.findById(matchId).filter(m -> m.getApplicationId() == applicationId)
                .orElseThrow(() -> new ScreeningRefused("screening.refused.notOpen"));
        match.clear(reason.strip(), officer.id(), clock.instant());
        matches.flush();
        subjects.hold(applicationId, matches.existsByApplicationIdAndStatus(applicationId,
                ScreeningMatch.Status.OPEN));
        audit.record("screening.cleared", kr.kaesongcrossing.audit.Subject.of("application", applicationId),
                "match=" + matchId + " entry=" + match.getEntryId());
    }

    /** An entry left the list: its open matches go, and applications held only by them are released. */
    @Transactional
    void entryRemoved(long entryId) {
        for (ScreeningMatch match : matches.findByEntryIdAndStatus(entryId, ScreeningMatch.Status.OPEN)) {
            matches.delete(match);
            matches.flush();
            subjects.hold(match.getApplicationId(), matches.existsByApplicationIdAndStatus(match.getApplicationId(),
                    ScreeningMatch.Status.OPEN));
        }
    }

    private List<Listed> listed() {
        return entries.findAll().stream()
                .map(e -> new Listed(e, NameMatcher.key(new NameMatcher.Person(e.getNameKorean(), e.getNameLatin(),
                        e.getDateOfBirth()))))
                .toList();
    }

    /** Raises the new matches of one application; true when it is held afterwards. */
    private boolean screen(Subject subject, List<Listed> listed) {
        NameMatcher.Key traveller = NameMatcher.key(new NameMatcher.Person(subject.nameKorean(), subject.nameLatin(),
                subject.dateOfBirth()));
        for (Listed l : listed) {
            long entryId = l.entry().getId();
            boolean sameNumber = subject.idNumberHash() != null
                    && Objects.equals(subject.idNumberHash(), l.entry().getIdNumberHash());
            Optional<ScreeningMatch> raised = sameNumber
                    ? Optional.of(ScreeningMatch.byIdNumber(subject.applicationId(), entryId, clock.instant()))
                    : NameMatcher.match(traveller, l.key()).map(m -> ScreeningMatch.byName(
                            subject.applicationId(), entryId, m, clock.instant()));
            if (raised.isPresent() && !matches.existsByApplicationIdAndEntryId(subject.applicationId(), entryId)) {
                matches.save(raised.get());
                audit.recordAs(SCREENING, "screening.raised",
                        kr.kaesongcrossing.audit.Subject.of("application", subject.applicationId()),
                        Outcome.SUCCESS, "entry=" + entryId + " idNumber=" + raised.get().isIdNumberMatch());
            }
        }
        boolean open = matches.existsByApplicationIdAndStatus(subject.applicationId(), ScreeningMatch.Status.OPEN);
        if (open != subject.held()) {
            subjects.hold(subject.applicationId(), open);
        }
        return open;
    }
}
