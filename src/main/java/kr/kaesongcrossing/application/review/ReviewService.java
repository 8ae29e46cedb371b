package kr.kaesongcrossing.application.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.kaesongcrossing.application.ApplicationStatus;
import kr.kaesongcrossing.application.TravellerMoved;
import kr.kaesongcrossing.application.model.Actor;
import kr.kaesongcrossing.application.model.ApplicationNotFoundException;
import kr.kaesongcrossing.application.model.ApplicationSettings;
import kr.kaesongcrossing.application.model.ApplicationView;
import kr.kaesongcrossing.application.model.LateReasonRequiredException;
import kr.kaesongcrossing.application.model.StaleApplicationException;
import kr.kaesongcrossing.application.model.StatusChange;
import kr.kaesongcrossing.application.model.StatusEvents;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.application.model.TripSeats;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.DisclosureReason;
import kr.kaesongcrossing.audit.Subject;
import kr.kaesongcrossing.schedule.Booking;
import kr.kaesongcrossing.schedule.SlotKey;
import kr.kaesongcrossing.schedule.Slots;
import kr.kaesongcrossing.schedule.TravelDirection;
import kr.kaesongcrossing.system.OfficeTime;
import kr.kaesongcrossing.system.Photos;
import kr.kaesongcrossing.system.Refusal;
import kr.kaesongcrossing.system.RetryOnWriteConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TripSeats seats;
    private final Slots slots;
    private final ApplicationEventPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate eachOnItsOwn;
    private final Duplicates duplicates;

    ReviewService(TravelApplicationRepository applications, ApplicationPhotoRepository photos, StatusEvents events,
            ApplicationSettings settings, TripSeats seats, Slots slots, ApplicationEventPublisher publisher,
            AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager, Duplicates duplicates) {
        this.duplicates = duplicates;
        this.applications = applications;
        this.photos = photos;
        this.events = events;
        this.settings = settings;
        this.seats = seats;
        this.slots = slots;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
        this.eachOnItsOwn = new TransactionTemplate(transactionManager);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The trip's slot each way with its seat and the date's slots an officer can move it to. */
    @Transactional(readOnly = true)
    List<TripSlots> slots(long id) {
        TravelApplication application = applications.findById(id)
                .filter(a -> a.getSubmittedAt() != null)
                .orElseThrow(ApplicationNotFoundException::new);
        Instant now = clock.instant();
        List<Booking> held = seats.bookings(id);
        return Arrays.stream(TravelDirection.values()).map(direction -> {
            LocalDate date = direction == TravelDirection.NORTHBOUND ? application.getEntryDate()
                    : application.getReturnDate();
            return new TripSlots(direction, application.slot(direction),
                    held.stream().filter(b -> b.slot().direction() == direction).findFirst().orElse(null),
                    slots.on(date, direction), !now.isBefore(slots.listClosesAt(date)));
        }).toList();
    }

    /**
     * An officer puts the trip in {@code slot} (another of the same date, or its first seat that way): allowed after
     * the list closed, then with a reason, and the seat is marked late. The applicant is told.
     *
     * @throws LateReasonRequiredException when the list closed and no reason was given
     */
    @RetryOnWriteConflict
    @Transactional
    public void move(long id, long expectedVersion, Actor officer, SlotKey slot, String reason) {
        TravelApplication application = locked(id, expectedVersion);
        SlotKey from = seats.held(id, slot.direction()).map(Booking::slot).orElse(null);
        if (slot.equals(from)) {
            return;
        }
        application.moveTo(officer, slot, clock.instant());
        boolean late = !clock.instant().isBefore(slots.listClosesAt(slot.date()));
        if (late && (reason == null || reason.isBlank())) {
            throw new LateReasonRequiredException();
        }
        seats.holdForOfficer(application, slot, late ? reason.strip() : null);
        publisher.publishEvent(new TravellerMoved(id, application.getReference(), application.getApplicantId(), from,
                slot, late));
        audit.record("application.slot-moved", Subject.of("application", id), "from=" + from + " to=" + slot
                + " late=" + late);
    }

    /**
     * Trips with a pass (or waiting for the counterpart's consent) that screening holds: their traveller may have
     * been listed after approval, and northbound gates refuse them until an officer clears the match.
     */
    @Transactional(readOnly = true)
    List<QueueRow> listedAfterApproval() {
        return applications.findByWatchlistHoldTrueAndStatusInOrderByEntryDateAscIdAsc(EnumSet.of(
                ApplicationStatus.AWAITING_CONSENT, ApplicationStatus.APPROVED_FOR_TRAVEL)).stream()
                .map(a -> new QueueRow(a.getId(), a.getVersion(), a.getApplicantId(), a.getReference(), a.getStatus(),
                        a.getNameKorean(), a.getNameLatin(), a.getPurpose(), a.getEntryDate(), a.getReturnDate(),
                        a.getSubmittedAt(), a.getGroupId(), null, 0))
                .toList();
    }

    /** Trips still going ahead whose seat is in a cancelled slot, from today on. */
    @Transactional(readOnly = true)
    List<Rebooking> toRebook() {
        List<Booking> bookings = slots.inCancelledSlots(OfficeTime.today(clock));
        Map<Long, TravelApplication> trips = applications.findAllById(bookings.stream().map(Booking::applicationId)
                .toList()).stream().collect(Collectors.toMap(TravelApplication::getId, Function.identity()));
        return bookings.stream()
                .flatMap(b -> Optional.ofNullable(trips.get(b.applicationId()))
                        .filter(a -> TravelApplication.HOLDING_SEATS.contains(a.getStatus()))
                        .map(a -> new Rebooking(a.getId(), a.getReference(), a.getNameKorean(), a.getNameLatin(),
                                a.getStatus(), b.slot()))
                        .stream())
                .toList();
    }

    /**
     * Everything about a submitted application, the ID number masked as the applicant sees it: staff see it in full
     * only on purpose ({@link #revealIdNumber}). Drafts are not the office's.
     */
    @Transactional(readOnly = true)
    public ApplicationView view(long id) {
        TravelApplication application = submitted(id);
        return ApplicationView.of(application, application.getMaskedIdNumber(), false);
    }

    /** Others holding dates that overlap this submitted application's trip (the duplicate check). */
    @Transactional(readOnly = true)
    List<Duplicates.Holder> duplicates(long id) {
        return duplicates.holders(submitted(id));
    }

    /** The application with its full ID number, for this one answer; the audit trail keeps who asked and why. */
    @RetryOnWriteConflict
    @Transactional
    ApplicationView revealIdNumber(long id, DisclosureReason reason) {
        TravelApplication application = submitted(id);
        audit.record("application.id-number-revealed", Subject.of("application", id), "reason=" + reason);
        return ApplicationView.of(application, application.getIdNumber(), false);
    }

    private TravelApplication submitted(long id) {
        return applications.findById(id)
                .filter(a -> a.getSubmittedAt() != null)
                .orElseThrow(ApplicationNotFoundException::new);
    }

    /** The photo as a page shows it: a thumbnail, not audited (the full size is {@link #downloadPhoto}). */
    @Transactional(readOnly = true)
    Optional<byte[]> photo(long id) {
        return applications.findById(id)
                .filter(a -> a.getSubmittedAt() != null)
                .flatMap(a -> photos.findById(id))
                .map(photo -> Photos.thumbnail(photo.getJpeg()));
    }

    /** The stored full-size photo, for a download the audit trail records with its reason. */
    @RetryOnWriteConflict
    @Transactional
    byte[] downloadPhoto(long id, DisclosureReason reason) {
        submitted(id);
        byte[] jpeg = photos.findById(id).map(ApplicationPhoto::getJpeg).orElseThrow(ApplicationNotFoundException::new);
        audit.record("application.photo-downloaded", Subject.of("application", id), "reason=" + reason);
        return jpeg;
    }

    @RetryOnWriteConflict
    @Transactional
    public ApplicationStatus approve(long id, long expectedVersion, Actor officer) {
        return decide(id, expectedVersion, a -> a.approve(officer, settings.consentRequired(), clock.instant()));
    }

    @RetryOnWriteConflict
    @Transactional
    public ApplicationStatus reject(long id, long expectedVersion, Actor officer, String reason) {
        return decide(id, expectedVersion, a -> a.reject(officer, reason, clock.instant()));
    }

    @RetryOnWriteConflict
    @Transactional
    public ApplicationStatus requestInformation(long id, long expectedVersion, Actor officer, String message) {
        return decide(id, expectedVersion, a -> a.requestInformation(officer, message, clock.instant()));
    }

    /** Records the counterpart's answer: consent makes the trip approved for travel. */
    @RetryOnWriteConflict
    @Transactional
    public ApplicationStatus recordConsent(long id, long expectedVersion, Actor officer, boolean consented,
            String counterpartReference, String note) {
        return decide(id, expectedVersion, a -> consented
                ? a.recordConsent(officer, counterpartReference, clock.instant())
                : a.recordConsentRefusal(officer, counterpartReference, note, clock.instant()));
    }

    @RetryOnWriteConflict
    @Transactional
    ApplicationStatus revoke(long id, long expectedVersion, Actor officer, String reason) {
        return decide(id, expectedVersion, a -> a.revokeApproval(officer, reason, clock.instant()));
    }

    /** A decision an officer can take for several applications at once, with one text for all. */
    public enum BulkAction {
        /** The text is an optional note in each timeline. */
        APPROVE,
        /** The text, required, is what each applicant must add. */
        REQUEST_INFORMATION
    }

    /** An application as the officer's page showed it: its id and the version read then. */
    public record Selected(long id, long version) {
    }

    /**
     * The same decision on each selected application, each as if decided alone: in its own transaction (row lock,
     * version and status checks, timeline entry, mail, audit event), so that one that cannot take it (changed
     * meanwhile, another status, the officer's own) is reported by reference and the others go through. Call it
     * outside a transaction: a refusal must not undo the others. Rows are taken in id order, the order every
     * officer's selection locks in, so two of them never wait for each other in a circle.
     */
    public BulkOutcome decideEach(Collection<Selected> selected, Actor officer, BulkAction action, String text) {
        List<String> decided = new ArrayList<>();
        List<BulkOutcome.Refused> refused = new ArrayList<>();
        selected.stream().sorted(Comparator.comparingLong(Selected::id)).distinct().forEach(item -> {
            try {
                String reference = eachOnItsOwn.execute(tx -> {
                    TravelApplication application = locked(item.id(), item.version());
                    events.changed(application, action == BulkAction.APPROVE
                            ? application.approve(officer, settings.consentRequired(), text, clock.instant())
                            : application.requestInformation(officer, text, clock.instant()));
                    return application.getReference();
                });
                decided.add(reference);
            } catch (Refusal why) {
                refused.add(new BulkOutcome.Refused(referenceOf(item.id()), why));
            } catch (ApplicationNotFoundException gone) {
                refused.add(new BulkOutcome.Refused("#" + item.id(),
                        new DefaultMessageSourceResolvable("application.bulk.notFound")));
            } catch (PessimisticLockingFailureException busy) { // held by someone else beyond the lock timeout
                refused.add(new BulkOutcome.Refused(referenceOf(item.id()),
                        new DefaultMessageSourceResolvable("application.refused.concurrent")));
            }
        });
        return new BulkOutcome(decided, refused);
    }

    private String referenceOf(long id) {
        return applications.findById(id).map(TravelApplication::getReference).orElse("#" + id);
    }

    private ApplicationStatus decide(long id, long expectedVersion, Function<TravelApplication, StatusChange> decision) {
        TravelApplication application = locked(id, expectedVersion);
        StatusChange change = decision.apply(application);
        events.changed(application, change);
        return application.getStatus();
    }

    private TravelApplication locked(long id, long expectedVersion) {
        TravelApplication application = applications.findForUpdate(id)
                .filter(a -> a.getSubmittedAt() != null)
                .orElseThrow(ApplicationNotFoundException::new);
        if (application.getVersion() != expectedVersion) {
            throw new StaleApplicationException(application.getStatus());
        }
        return application;
    }
}
