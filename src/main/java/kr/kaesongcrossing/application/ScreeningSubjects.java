package kr.kaesongcrossing.application;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.system.IdentityHash;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the watch-list screening reads of applications and the hold it puts on them: while held, an application
 * cannot be approved ({@code application.refused.watchlist}), and a trip that already has its pass is refused at
 * northbound scans ({@link TravelApprovals#atGate}); its approval stands until an officer decides.
 */
@Service
public class ScreeningSubjects {

    /** The traveller of one application as screening compares them; the ID number only as its keyed hash. */
    public record Subject(long applicationId, String reference, ApplicationStatus status, String nameKorean,
            String nameLatin, LocalDate dateOfBirth, String idNumberHash, boolean held) {
    }

    private static final Set<ApplicationStatus> UNDECIDED = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.INFORMATION_REQUESTED);
    private static final Set<ApplicationStatus> WITH_PASS = EnumSet.of(ApplicationStatus.AWAITING_CONSENT,
            ApplicationStatus.APPROVED_FOR_TRAVEL);

    private final TravelApplicationRepository applications;
    private final IdentityHash identityHash;
    private final EntityManager entityManager;
    private final Clock clock;

    ScreeningSubjects(TravelApplicationRepository applications, IdentityHash identityHash,
            EntityManager entityManager, Clock clock) {
        this.applications = applications;
        this.identityHash = identityHash;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The application as it stands, also inside its own transaction before the hash is written at flush. */
    @Transactional(readOnly = true)
    public Optional<Subject> subject(long applicationId) {
        return applications.findById(applicationId).map(a -> new Subject(a.getId(), a.getReference(), a.getStatus(),
                a.getNameKorean(), a.getNameLatin(), a.getDateOfBirth(), identityHash.of(a.getIdNumber()),
                a.isWatchlistHold()));
    }

    /**
     * What is screened again whenever the list changes: the applications the office has still to decide on, and the
     * trips approved (or waiting for the counterpart's consent) that are not over: returning today or later, or with
     * the traveller still inside. One projection query, no entity loaded.
     */
    @Transactional(readOnly = true)
    public List<Subject> toScreenAgain() {
        return entityManager.createQuery("select a.id, a.reference, a.status, a.nameKorean, a.nameLatin, "
                + "a.dateOfBirth, a.idNumberHash, a.watchlistHold from TravelApplication a "
                + "where a.status in :undecided or (a.status in :withPass and (a.returnDate is null "
                + "or a.returnDate >= :today "
                + "or exists (select p from TripPresence p where p.applicationId = a.id and p.inside = true)))",
                Object[].class)
                .setParameter("undecided", UNDECIDED).setParameter("withPass", WITH_PASS)
                .setParameter("today", OfficeTime.today(clock)).getResultStream()
                .map(r -> new Subject((Long) r[0], (String) r[1], (ApplicationStatus) r[2], (String) r[3],
                        (String) r[4], (LocalDate) r[5], (String) r[6], (Boolean) r[7]))
                .toList();
    }

    /** Holds the application (an open match) or releases it (none left). */
    @RetryOnWriteConflict
    @Transactional
    public void hold(long applicationId, boolean held) {
        applications.findById(applicationId).ifPresent(application -> application.holdForWatchList(held));
    }

    /**
     * Holds (or releases) many applications in one statement (screening again after a list change), those not held
     * that way yet; their versions move on as when one is held, so a form opened before sees the change. Returns how
     * many changed.
     */
    @RetryOnWriteConflict
    @Transactional
    public int holdAll(Collection<Long> applicationIds, boolean held) {
        if (applicationIds.isEmpty()) {
            return 0;
        }
        return entityManager.createQuery("update TravelApplication a set a.watchlistHold = :held, "
                + "a.version = a.version + 1 where a.id in :ids and a.watchlistHold <> :held")
                .setParameter("held", held).setParameter("ids", applicationIds).executeUpdate();
    }
}
