package kr.kaesongcrossing.screening;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    private static final Logger LOG = LoggerFactory.getLogger(Screening.class);
    /** Applications screened again per transaction. */
    private static final int CHUNK = 1000;
    private static final int INSERT_BATCH = 500;
    /** Tries of a chunk that meets pairs another instance raised meanwhile. */
    private static final int ATTEMPTS = 3;

    private final WatchListEntryRepository entries;
    private final ScreeningMatchRepository matches;
    private final ScreeningSubjects subjects;
    private final AuditTrail audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Screening(WatchListEntryRepository entries, ScreeningMatchRepository matches, ScreeningSubjects subjects,
            AuditTrail audit, Clock clock, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.entries = entries;
        this.matches = matches;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    /** Possible matches no officer has cleared or refused yet (the officer's home page; an index on status, V69). */
    @Transactional(readOnly = true)
    public long openMatches() {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM screening_match WHERE status = 'OPEN'", Long.class);
        return open == null ? 0 : open;
    }

    /** The list as screening reads it: by ID number hash, and by name and birth date. */
    private record Listed(int size, long newest, Map<String, List<WatchListEntry>> byIdNumber,
            NameMatcher.Index<WatchListEntry> index) {
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
     * how many are held afterwards. Called outside a transaction (as the list's changes do, once committed), it works
     * through {@value #CHUNK} applications at a time, each chunk in a transaction of its own: the names are compared
     * before it opens, then it reads the pairs already raised with its applications, inserts the new ones in JDBC
     * batches, holds the applications in one statement and audits each newly raised one, all at once. A run that
     * stops leaves whole chunks behind it, and the next one raises only what is missing. Another instance screening
     * at the same time may raise some of the same pairs first: the unique key keeps them single, and the chunk that
     * meets one is read again and retried.
     */
    public int screenAgain() {
        Listed listed = listed();
        List<Subject> all = subjects.toScreenAgain();
        int held = 0;
        long comparing = 0;
        long writing = 0;
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<Subject> chunk = all.subList(start, Math.min(start + CHUNK, all.size()));
            long started = System.nanoTime();
            List<ScreeningMatch> found = chunk.stream().flatMap(s -> raised(s, listed).stream()).toList();
            long compared = System.nanoTime();
            held += writeChunk(chunk, found);
            comparing += compared - started;
            writing += System.nanoTime() - compared;
        }
        jdbc.update("UPDATE screening_run SET screened_through = ?, completed_at = ? WHERE id = 1 "
                + "AND screened_through < ?", listed.newest(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                listed.newest());
        LOG.info("screened again {} applications against {} entries, {} held: names {} ms, writing {} ms",
                all.size(), listed.size(), held, comparing / 1_000_000, writing / 1_000_000);
        return held;
    }

    private int writeChunk(List<Subject> chunk, List<ScreeningMatch> found) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> write(chunk, found));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException raisedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw raisedMeanwhile;
                }
            }
        }
    }

    /** Writes what a chunk found that was not raised yet; returns how many of its applications are held. */
    private int write(List<Subject> chunk, List<ScreeningMatch> found) {
        Set<Pair> raisedPairs = new HashSet<>();
        Set<Long> open = new HashSet<>();
        for (Object[] match : matches.pairsOf(chunk.stream().map(Subject::applicationId).toList())) {
            raisedPairs.add(new Pair((Long) match[0], (Long) match[1]));
            if (match[2] == ScreeningMatch.Status.OPEN) {
                open.add((Long) match[0]);
            }
        }
        // in key order, as another instance would insert them: it waits for this one instead of a deadlock
        List<ScreeningMatch> raised = found.stream()
                .filter(m -> raisedPairs.add(new Pair(m.getApplicationId(), m.getEntryId())))
                .sorted(Comparator.comparingLong(ScreeningMatch::getApplicationId)
                        .thenComparingLong(ScreeningMatch::getEntryId))
                .toList();
        insert(raised);
        raised.forEach(m -> open.add(m.getApplicationId()));
        subjects.holdAll(chunk.stream().filter(s -> open.contains(s.applicationId()) && !s.held())
                .map(Subject::applicationId).toList(), true);
        subjects.holdAll(chunk.stream().filter(s -> !open.contains(s.applicationId()) && s.held())
                .map(Subject::applicationId).toList(), false);
        Map<Long, List<ScreeningMatch>> byApplication = raised.stream()
                .collect(Collectors.groupingBy(ScreeningMatch::getApplicationId, LinkedHashMap::new,
                        Collectors.toList()));
        audit.recordAllAs(SCREENING, "screening.raised", Outcome.SUCCESS, chunk.stream()
                .filter(s -> byApplication.containsKey(s.applicationId()))
                .map(s -> new AuditTrail.Entry(kr.kaesongcrossing.audit.Subject.of("application", s.applicationId()),
                        detail(byApplication.get(s.applicationId()), s)))
                .toList());
        return (int) chunk.stream().filter(s -> open.contains(s.applicationId())).count();
    }

    private void insert(List<ScreeningMatch> raised) {
        jdbc.batchUpdate("INSERT INTO screening_match (application_id, entry_id, id_number_match, traveller_reading,"
                + " listed_reading, similarity, same_birth_date, status, raised_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", raised, INSERT_BATCH, (statement, m) -> {
                    statement.setLong(1, m.getApplicationId());
                    statement.setLong(2, m.getEntryId());
                    statement.setBoolean(3, m.isIdNumberMatch());
                    statement.setString(4, m.getTravellerReading());
                    statement.setString(5, m.getListedReading());
                    statement.setObject(6, m.getSimilarity(), Types.DOUBLE);
                    statement.setBoolean(7, m.isSameBirthDate());
                    statement.setString(8, m.getStatus().name());
                    // UTC wall time, as Hibernate stores instants (hibernate.jdbc.time_zone)
                    statement.setObject(9, LocalDateTime.ofInstant(m.getRaisedAt(), ZoneOffset.UTC));
                });
    }

    /** The matches raised for an application, oldest first. */
    @Transactional(readOnly = true)
    public List<ScreeningMatch> matchesOf(long applicationId) {
        return matches.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /** Clears an open match with the officer's reason and releases the application once none is open. */
    @RetryOnWriteConflict
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
    @RetryOnWriteConflict
    @Transactional
    void entryRemoved(long entryId) {
        for (ScreeningMatch match : matches.findByEntryIdAndStatus(entryId, ScreeningMatch.Status.OPEN)) {
            matches.delete(match);
            matches.flush();
            subjects.hold(match.getApplicationId(), matches.existsByApplicationIdAndStatus(match.getApplicationId(),
                    ScreeningMatch.Status.OPEN));
        }
    }

    /** Whether the list has an entry that no complete run has screened against (see {@link ScreeningCatchUp}). */
    boolean behind() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COALESCE(MAX(e.id), 0) > MAX(r.screened_through) "
                + "FROM screening_run r LEFT JOIN watch_list_entry e ON 1 = 1 WHERE r.id = 1", Boolean.class));
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
        return new Listed(all.size(), all.stream().mapToLong(WatchListEntry::getId).max().orElse(0), byIdNumber,
                index);
    }

    /** Raises the new matches of one application on submission, in the submitting transaction. */
    private void screen(Subject subject, Listed listed) {
        long applicationId = subject.applicationId();
        Set<Long> raisedEntries = new HashSet<>();
        matches.findByApplicationIdOrderByIdAsc(applicationId).forEach(m -> raisedEntries.add(m.getEntryId()));
        List<ScreeningMatch> raised = raised(subject, listed).stream()
                .filter(m -> raisedEntries.add(m.getEntryId())).toList();
        matches.saveAll(raised);
        boolean open = !raised.isEmpty()
                || matches.existsByApplicationIdAndStatus(applicationId, ScreeningMatch.Status.OPEN);
        if (open != subject.held()) {
            subjects.hold(applicationId, open);
        }
        if (!raised.isEmpty()) {
            audit.recordAs(SCREENING, "screening.raised",
                    kr.kaesongcrossing.audit.Subject.of("application", applicationId), Outcome.SUCCESS,
                    detail(raised, subject));
        }
    }

    /** One record per application and screening, however many entries it met. */
    private static String detail(List<ScreeningMatch> raised, Subject subject) {
        return "entries=" + raised.stream().map(m -> m.getEntryId() + (m.isIdNumberMatch() ? "(idNumber)" : ""))
                .limit(20).collect(Collectors.joining(",")) + " status=" + subject.status();
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
