package kr.kaesongcrossing.application.model;

import static kr.kaesongcrossing.application.ApplicationStatus.APPROVED_FOR_TRAVEL;
import static kr.kaesongcrossing.application.ApplicationStatus.WITHDRAWN;

import kr.kaesongcrossing.application.ApplicationStatusChanged;
import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.application.photo.ApplicationPhoto;
import kr.kaesongcrossing.application.photo.ApplicationPhotoRepository;
import kr.kaesongcrossing.audit.AuditTrail;
import kr.kaesongcrossing.audit.Subject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the events of a status change, in the transaction that makes it, and records the change in the audit
 * trail last (after the listeners, e.g. the pass issued on approval, took their locks).
 */
@Component
public class StatusEvents {

    private final ApplicationEventPublisher publisher;
    private final ApplicationPhotoRepository photos;
    private final AuditTrail audit;

    StatusEvents(ApplicationEventPublisher publisher, ApplicationPhotoRepository photos, AuditTrail audit) {
        this.publisher = publisher;
        this.photos = photos;
        this.audit = audit;
    }

    public void changed(TravelApplication application, StatusChange change) {
        publisher.publishEvent(new ApplicationStatusChanged(application.getId(), application.getReference(),
                application.getApplicantId(), change.getFromStatus(), change.getToStatus(), change.getReason(),
                application.getEntryDate(), application.getReturnDate(), change.getChangedAt()));
        // a crossing on a standing permit travels on the permit's pass, not a pass of its own
        if (change.getToStatus() == APPROVED_FOR_TRAVEL && application.getPermitId() == null) {
            byte[] photo = photos.findById(application.getId())
                    .map(ApplicationPhoto::getJpeg)
                    .orElseThrow(() -> new IllegalStateException("approved application without a photo"));
            publisher.publishEvent(new TripApprovedForTravel(application.getId(), application.getReference(),
                    application.getApplicantId(), application.getNameKorean(), application.getNameLatin(),
                    application.getDateOfBirth(), application.getNationality(), application.getEntryDate(),
                    application.getReturnDate(), photo, application.getVehicleId() == null ? null
                            : new TripApprovedForTravel.Vehicle(application.getVehicleId(),
                                    application.getVehiclePlate(), application.getVehicleType().name())));
        }
        if (change.getFromStatus() == APPROVED_FOR_TRAVEL && change.getToStatus() == WITHDRAWN) {
            boolean byOffice = "OFFICER".equals(change.getActorRole());
            String reason = (byOffice ? "Approval revoked by the office" : "Withdrawn by the applicant")
                    + (change.getReason() == null ? "" : ": " + change.getReason());
            publisher.publishEvent(new TripApprovalWithdrawn(application.getId(), reason));
        }
        // the actor the timeline names (also when a system job or a test makes the change outside a request)
        audit.recordAs(change.getActorId() == null ? kr.kaesongcrossing.audit.Actor.anonymous()
                : kr.kaesongcrossing.audit.Actor.account(change.getActorId(), change.getActorRole()),
                "application.status-changed", Subject.of("application", application.getId()),
                AuditTrail.Outcome.SUCCESS, (change.getFromStatus() == null ? "" : "from=" + change.getFromStatus()
                        + " ") + "to=" + change.getToStatus());
    }
}
