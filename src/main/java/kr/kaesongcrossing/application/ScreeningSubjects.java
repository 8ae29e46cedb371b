package kr.kaesongcrossing.application;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.system.IdentityHash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the watch-list screening reads of applications and the hold it puts on them: while held, an application
 * cannot be approved ({@code application.refused.watchlist}).
 */
@Service
public class ScreeningSubjects {

    /** The traveller of one application as screening compares them; the ID number only as its keyed hash. */
    public record Subject(long applicationId, String reference, ApplicationStatus status, String nameKorean,
            String nameLatin, LocalDate dateOfBirth, String idNumberHash, boolean held) {
    }

    private final TravelApplicationRepository applications;
    private final IdentityHash identityHash;

    ScreeningSubjects(TravelApplicationRepository applications, IdentityHash identityHash) {
        this.applications = applications;
        this.identityHash = identityHash;
    }

    /** The application as it stands, also inside its own transaction before the hash is written at flush. */
    @Transactional(readOnly = true)
    public Optional<Subject> subject(long applicationId) {
        return applications.findById(applicationId).map(a -> new Subject(a.getId(), a.getReference(), a.getStatus(),
                a.getNameKorean(), a.getNameLatin(), a.getDateOfBirth(), identityHash.of(a.getIdNumber()),
                a.isWatchlistHold()));
    }

    /** Applications the office has still to decide on: screened again whenever the list changes. */
    @Transactional(readOnly = true)
    public List<Subject> undecided() {
        return applications.findByStatusIn(EnumSet.of(ApplicationStatus.SUBMITTED,
                ApplicationStatus.INFORMATION_REQUESTED)).stream().map(ScreeningSubjects::subject).toList();
    }

    /** Holds the application (an open match) or releases it (none left). */
    @Transactional
    public void hold(long applicationId, boolean held) {
        applications.findById(applicationId).ifPresent(application -> application.holdForWatchList(held));
    }

    private static Subject subject(TravelApplication a) {
        return new Subject(a.getId(), a.getReference(), a.getStatus(), a.getNameKorean(), a.getNameLatin(),
                a.getDateOfBirth(), a.getIdNumberHash(), a.isWatchlistHold());
    }
}
