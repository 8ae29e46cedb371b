package kr.kaesongcrossing.screening;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
 * own application), and when an entry is added every undecided one and every trip with a pass that is not over
 * ({@link ScreeningSubjects#toScreenAgain}). A possible match (the same ID number hash, or {@link NameMatcher}
 * through its {@link NameMatcher.Index}) is raised once per application and entry and holds the application until an
 * officer clears it with a reason or refuses the application; a trip already approved keeps its approval but is
 * refused at northbound scans while held (listed after approval: the review queue lists them).
 */
@Service
public class Screening {

    private static final Actor SCREENING = Actor.system("screening");

    private final WatchListEntryRepository entries;
    private final ScreeningMatchRepository matches;
    private final ScreeningSubjects subjects;
    private final AuditTrail audit;
    private final Clock clock;
    private final EntityManager entityManager;

    Screening(WatchListEntryRepository entries, ScreeningMatchRepository matches, ScreeningSubjects subjects,
            AuditTrail audit, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.entries = entries;
        this.matches = matches;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    /** Possible matches no officer has cleared or refused yet (the officer's home page; an index on status, V69). */
    @Transactional(readOnly = true)
    public long openMatches() {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM screening_match WHERE status = 'OPEN'")
                .getSingleResult()).longValue();
    }

    /** The list as screening reads it: by ID number hash, and by name and birth date. */
    private record Listed(Map<String, List<WatchListEntry>> byIdNumber, NameMatcher.Index<WatchListEntry> index) {
    }

    /** Entries' readings by entry id (entries never change; romanising 10,000 names takes a while). */
    private final Map<Long, NameMatcher.Key> keys = new ConcurrentHashMap<>();

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

    /**
     * Screens again every undecided application and every trip with a pass not yet over (the list changed); returns
     * how many are held afterwards.
     */
    @Transactional
    public int screenAgain() {
        Listed listed = listed();
        Set<Pair> raisedPairs = new HashSet<>();
        Set<Long> open = new HashSet<>();
        for (Object[] match : matches.pairs()) {
            raisedPairs.add(new Pair((Long) match[0], (Long) match[1]));
            if (match[2] == ScreeningMatch.Status.OPEN) {
                open.add((Long) match[0]);
            }
        }
        int held = 0;
        for (Subject subject : subjects.toScreenAgain()) {
            Screened screened = screen(subject, listed, raisedPairs, open.contains(subject.applicationId()));
            if (screened.open()) {
                held++;
            }
            if (screened.changed()) {
                // out of the persistence context once written: each audit record flushes it, which would otherwise
                // check every match and application held so far again
                entityManager.flush();
                entityManager.clear();
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

    private Listed listed() {
        List<WatchListEntry> all = entries.findAll();
        Map<String, List<WatchListEntry>> byIdNumber = new HashMap<>();
        NameMatcher.Index<WatchListEntry> index = new NameMatcher.Index<>();
        for (WatchListEntry e : all) {
            if (e.getIdNumberHash() != null) {
                byIdNumber.computeIfAbsent(e.getIdNumberHash(), h -> new ArrayList<>()).add(e);
            }
            index.add(e, keys.computeIfAbsent(e.getId(), id -> NameMatcher.key(new NameMatcher.Person(
                    e.getNameKorean(), e.getNameLatin(), e.getDateOfBirth()))));
        }
        if (keys.size() > all.size()) {
            keys.keySet().retainAll(all.stream().map(WatchListEntry::getId).toList());
        }
        return new Listed(byIdNumber, index);
    }

    /** Raises the new matches of one application on submission; true when it is held afterwards. */
    private boolean screen(Subject subject, Listed listed) {
        Set<Pair> raised = new HashSet<>();
        matches.findByApplicationIdOrderByIdAsc(subject.applicationId())
                .forEach(m -> raised.add(new Pair(m.getApplicationId(), m.getEntryId())));
        return screen(subject, listed, raised,
                matches.existsByApplicationIdAndStatus(subject.applicationId(), ScreeningMatch.Status.OPEN)).open();
    }

    /** Whether the application is held after screening, and whether anything was written. */
    private record Screened(boolean open, boolean changed) {
    }

    /** Raises the new matches of one application, given the pairs raised before and whether one is open. */
    private Screened screen(Subject subject, Listed listed, Set<Pair> raisedPairs, boolean openBefore) {
        long applicationId = subject.applicationId();
        boolean open = openBefore;
        List<ScreeningMatch> raised = raised(subject, listed).stream()
                .filter(m -> raisedPairs.add(new Pair(applicationId, m.getEntryId()))).toList();
        boolean changed = !raised.isEmpty();
        if (changed) {
            matches.saveAll(raised);
            open = true;
            // one record per application and screening, however many entries it met
            audit.recordAs(SCREENING, "screening.raised",
                    kr.kaesongcrossing.audit.Subject.of("application", applicationId), Outcome.SUCCESS,
                    "entries=" + raised.stream().map(m -> m.getEntryId() + (m.isIdNumberMatch() ? "(idNumber)" : ""))
                            .limit(20).collect(Collectors.joining(",")) + " status=" + subject.status());
        }
        if (open != subject.held()) {
            subjects.hold(applicationId, open);
            changed = true;
        }
        return new Screened(open, changed);
    }

    /** The possible matches of one traveller with the list: the same ID number, else a name that may be theirs. */
    private List<ScreeningMatch> raised(Subject subject, Listed listed) {
        List<ScreeningMatch> raised = new ArrayList<>();
        Set<Long> byNumber = new HashSet<>();
        if (subject.idNumberHash() != null) {
            for (WatchListEntry e : listed.byIdNumber().getOrDefault(subject.idNumberHash(), List.of())) {
                byNumber.add(e.getId());
                raised.add(ScreeningMatch.byIdNumber(subject.applicationId(), e.getId(), clock.instant()));
            }
        }
        NameMatcher.Key traveller = NameMatcher.key(new NameMatcher.Person(subject.nameKorean(), subject.nameLatin(),
                subject.dateOfBirth()));
        for (NameMatcher.Index.Listed<WatchListEntry> l : listed.index().candidates(traveller)) {
            long entryId = l.item().getId();
            if (!byNumber.contains(entryId)) {
                NameMatcher.match(traveller, l.key()).ifPresent(m -> raised.add(
                        ScreeningMatch.byName(subject.applicationId(), entryId, m, clock.instant())));
            }
        }
        return raised;
    }

    private record Pair(long applicationId, long entryId) {
    }
}
