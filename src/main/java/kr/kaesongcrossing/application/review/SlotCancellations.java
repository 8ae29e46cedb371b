package kr.kaesongcrossing.application.review;

import kr.kaesongcrossing.application.TravellerSlotCancelled;
import kr.kaesongcrossing.application.model.TravelApplication;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import kr.kaesongcrossing.schedule.SlotCancelled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled slot: each trip still going ahead in it is told (notification mails the applicant). The trips keep
 * their seats there, so the officers' list to rebook ({@code /review/rebook}) shows them until they are moved.
 */
@Component
class SlotCancellations {

    /** Names the listener in stored publications: stays the same when this class is moved or renamed. */
    static final String LISTENER_ID = "application.slot-cancelled";

    private final TravelApplicationRepository applications;
    private final ApplicationEventPublisher publisher;

    SlotCancellations(TravelApplicationRepository applications, ApplicationEventPublisher publisher) {
        this.applications = applications;
        this.publisher = publisher;
    }

    // not @RetryOnWriteConflict: asynchronous, and a failed run's publication stays for the registry to resubmit
    @ApplicationModuleListener(id = LISTENER_ID)
    void on(SlotCancelled event) {
        for (TravelApplication trip : applications.findAllById(event.applicationIds())) {
            if (TravelApplication.HOLDING_SEATS.contains(trip.getStatus())) {
                publisher.publishEvent(new TravellerSlotCancelled(trip.getId(), trip.getReference(),
                        trip.getApplicantId(), event.slot(), event.reason()));
            }
        }
    }
}
