package kr.kaesongcrossing.application.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.kaesongcrossing.account.AccountPrincipal;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicantRow;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.ApplicationView;
import kr.kaesongcrossing.application.model.StatusEvents;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.model.TripSeats;
import kr.kaesongcrossing.application.model.TripDetails;
import kr.kaesongcrossing.application.vehicle.Vehicle;
import kr.kaesongcrossing.application.vehicle.Vehicles;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import kr.kaesongcrossing.application.photo.PhotoProcessor;
import kr.kaesongcrossing.application.presence.TravellerPositions;
import kr.kaesongcrossing.application.profile.Profiles;
import kr.kaesongcrossing.application.profile.TravellerProfile;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant's side: drafts, submissions, withdrawals, always scoped to the signed-in applicant. */
@Service
public class ApplicationService {

    static final int PAGE_SIZE = 20;

    private final TravelApplicationRepository applications;
    private final ApplicationPhotoRepository photos;
    private final StatusEvents events;
    private final TravellerPositions positions;
    private final TripSeats seats;
    private final Profiles profiles;
    private final Vehicles vehicles;
    private final Clock clock;

    ApplicationService(TravelApplicationRepository applications, ApplicationPhotoRepository photos,
            StatusEvents events, TravellerPositions positions, TripSeats seats, Profiles profiles, Vehicles vehicles,
            Clock clock) {
        this.vehicles = vehicles;
        this.profiles = profiles;
        this.applications = applications;
        this.photos = photos;
        this.events = events;
        this.positions = positions;
        this.seats = seats;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<ApplicantRow> list(long applicantId, int page) {
        return applications.findRowsByApplicant(applicantId, PageRequest.of(Math.max(0, page), PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    ApplicationView view(long id, long applicantId) {
        TravelApplication application = owned(id, applicantId);
        return ApplicationView.of(application, application.getMaskedIdNumber(),
                application.canBeWithdrawn(today(), positions.inside(id)));
    }

    /** A new application's form: from the applicant's profile and, if {@code from} is given, that earlier trip. */
    @Transactional(readOnly = true)
    ApplicationForm startForm(long applicantId, Long from) {
        return ApplicationForm.startFrom(profiles.own(applicantId).orElse(null),
                from == null ? null : owned(from, applicantId));
    }

    /** What the applicant's profile holds that a new application may leave out: ID number and photo. */
    @Transactional(readOnly = true)
    ApplicationFormValidator.Stored fromProfile(long applicantId) {
        return profiles.own(applicantId).map(p -> new ApplicationFormValidator.Stored(p.isHasPhoto(), true))
                .orElse(ApplicationFormValidator.Stored.NOTHING);
    }

    /** The stored details for the edit form (never the ID number). */
    @Transactional(readOnly = true)
    ApplicationForm editForm(long id, long applicantId) {
        return ApplicationForm.of(owned(id, applicantId));
    }

    /** The seats the applicant's trip holds. */
    @Transactional(readOnly = true)
    List<Booking> bookings(long id, long applicantId) {
        owned(id, applicantId);
        return seats.bookings(id);
    }

    @Transactional(readOnly = true)
    Optional<byte[]> photo(long id, long applicantId) {
        owned(id, applicantId);
        return photos.findById(id).map(ApplicationPhoto::getJpeg);
    }

    /**
     * Creates a draft with these details (and photo, if given; the ID number and photo of the applicant's profile
     * where they are left out); submits it right away if asked, holding its seats.
     * A slot that is full, closed or cancelled refuses the submission, and nothing is stored.
     */
    @RetryOnWriteConflict
    @Transactional
    public long create(AccountPrincipal applicant, TripDetails details, PhotoProcessor.Photo photo, boolean submit) {
        Instant now = clock.instant();
        Actor actor = Actor.of(applicant);
        TravellerProfile profile = profiles.own(applicant.id()).orElse(null);
        if (profile != null && details.idNumber() == null) {
            details = details.withIdNumber(profile.getIdNumber());
        }
        if (profile != null && photo == null) {
            photo = profiles.photoOf(profile.getId()).orElse(null);
        }
        details = withVehicle(applicant.id(), details);
        TravelApplication application = applications.save(TravelApplication.draft(applicant.id(), actor, now));
        application.assignReference(OfficeTime.dateOf(now).getYear());
        events.changed(application, application.getChanges().get(0));
        apply(application, details, photo, now);
        if (submit) {
            submit(application, actor, now);
        }
        return application.getId();
    }

    /**
     * Saves new details of a draft or of an application with an information request; submits if asked (as
     * {@link #create}: seats held, or nothing stored).
     */
    @RetryOnWriteConflict
    @Transactional
    void update(long id, AccountPrincipal applicant, TripDetails details, PhotoProcessor.Photo photo,
            boolean submit) {
        TravelApplication application = ownedForUpdate(id, applicant.id());
        Instant now = clock.instant();
        apply(application, withVehicle(applicant.id(), details), photo, now);
        if (submit) {
            submit(application, Actor.of(applicant), now);
        }
    }

    @RetryOnWriteConflict
    @Transactional
    public void withdraw(long id, AccountPrincipal applicant, String reason) {
        TravelApplication application = ownedForUpdate(id, applicant.id());
        events.changed(application, application.withdraw(Actor.of(applicant), reason, today(), positions.inside(id),
                clock.instant()));
    }

    private void submit(TravelApplication application, Actor actor, Instant now) {
        events.changed(application, application.submit(actor, now));
        seats.holdChosen(application);
    }

    private void apply(TravelApplication application, TripDetails details, PhotoProcessor.Photo photo,
            Instant now) {
        application.update(details, now);
        if (photo != null) {
            photos.findById(application.getId()).ifPresentOrElse(stored -> stored.replace(photo, now),
                    () -> photos.save(new ApplicationPhoto(application.getId(), photo, now)));
            application.photoAttached(now);
        }
    }

    /**
     * The registered vehicle's plate and type as the trip's snapshot, checked again here (it may have been retired
     * since the form was shown).
     *
     * @throws kr.kaesongcrossing.application.vehicle.VehicleRefused when the applicant may not bring it
     */
    private TripDetails withVehicle(long applicantId, TripDetails details) {
        if (details.vehicleId() == null) {
            return details;
        }
        Vehicle vehicle = vehicles.forTrip(applicantId, details.vehicleId(), details.returnDate());
        return details.withVehicle(vehicle.getId(), vehicle.getPlate(), vehicle.getType());
    }

    private TravelApplication owned(long id, long applicantId) {
        return applications.findByIdAndApplicantId(id, applicantId).orElseThrow(ApplicationNotFoundException::new);
    }

    private TravelApplication ownedForUpdate(long id, long applicantId) {
        return applications.findForUpdate(id)
                .filter(a -> a.getApplicantId() == applicantId)
                .orElseThrow(ApplicationNotFoundException::new);
    }

    private LocalDate today() {
        return OfficeTime.today(clock);
    }
}
