package kr.kaesongcrossing.application.review;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.ApplicationView;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import kr.kaesongcrossing.application.model.StatusChange;
import kr.kaesongcrossing.application.model.StatusEvents;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's decisions. Each one locks the application row first (so two officers acting at the same moment
 * queue up), then refuses when the application changed since the officer's page was shown
 * ({@code expectedVersion}) or when its status does not allow the decision.
 */
@Service
public class ReviewService {

    private final TravelApplicationRepository applications;
    private final ApplicationPhotoRepository photos;
    private final StatusEvents events;
    private final ApplicationSettings settings;
    private final Clock clock;

    ReviewService(TravelApplicationRepository applications, ApplicationPhotoRepository photos, StatusEvents events,
            ApplicationSettings settings, Clock clock) {
        this.applications = applications;
        this.photos = photos;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Everything about a submitted application, with the full ID number. Drafts are not the office's. */
    @Transactional(readOnly = true)
    public ApplicationView view(long id) {
        TravelApplication application = applications.findById(id)
                .filter(a -> a.getSubmittedAt() != null)
                .orElseThrow(ApplicationNotFoundException::new);
        return ApplicationView.of(application, application.getIdNumber(), false);
    }

    @Transactional(readOnly = true)
    Optional<byte[]> photo(long id) {
        return applications.findById(id)
                .filter(a -> a.getSubmittedAt() != null)
                .flatMap(a -> photos.findById(id))
                .map(ApplicationPhoto::getJpeg);
    }

    @Transactional
    public ApplicationStatus approve(long id, long expectedVersion, Actor officer) {
        return decide(id, expectedVersion, a -> a.approve(officer, settings.consentRequired(), clock.instant()));
    }

    @Transactional
    public ApplicationStatus reject(long id, long expectedVersion, Actor officer, String reason) {
        return decide(id, expectedVersion, a -> a.reject(officer, reason, clock.instant()));
    }

    @Transactional
    public ApplicationStatus requestInformation(long id, long expectedVersion, Actor officer, String message) {
        return decide(id, expectedVersion, a -> a.requestInformation(officer, message, clock.instant()));
    }

    /** Records the counterpart's answer: consent makes the trip approved for travel. */
    @Transactional
    public ApplicationStatus recordConsent(long id, long expectedVersion, Actor officer, boolean consented,
            String counterpartReference, String note) {
        return decide(id, expectedVersion, a -> consented
                ? a.recordConsent(officer, counterpartReference, clock.instant())
                : a.recordConsentRefusal(officer, counterpartReference, note, clock.instant()));
    }

    @Transactional
    ApplicationStatus revoke(long id, long expectedVersion, Actor officer, String reason) {
        return decide(id, expectedVersion, a -> a.revokeApproval(officer, reason, clock.instant()));
    }

    private ApplicationStatus decide(long id, long expectedVersion, Function<TravelApplication, StatusChange> decision) {
        TravelApplication application = applications.findForUpdate(id)
                .filter(a -> a.getSubmittedAt() != null)
                .orElseThrow(ApplicationNotFoundException::new);
        if (application.getVersion() != expectedVersion) {
            throw new StaleApplicationException(application.getStatus());
        }
        StatusChange change = decision.apply(application);
        events.changed(application, change);
        return application.getStatus();
    }
}
