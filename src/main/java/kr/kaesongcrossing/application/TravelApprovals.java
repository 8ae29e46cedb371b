package kr.kaesongcrossing.application;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kr.kaesongcrossing.application.model.TravelApplicationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about travel approvals. */
@Service
public class TravelApprovals {

    private final TravelApplicationRepository applications;

    TravelApprovals(TravelApplicationRepository applications) {
        this.applications = applications;
    }

    /**
     * Whether the application is currently {@link ApplicationStatus#APPROVED_FOR_TRAVEL}. Read-only; runs inside
     * the caller's transaction when there is one (and sees what that transaction sees), without one otherwise.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean isApprovedForTravel(long applicationId) {
        return applications.existsByIdAndStatus(applicationId, ApplicationStatus.APPROVED_FOR_TRAVEL);
    }

    /** Planned trips that are in the Kaesong zone, or travel, on some day from {@code first} to {@code last}. */
    @Transactional(readOnly = true)
    public List<PlannedTrip> plannedTrips(LocalDate first, LocalDate last) {
        return applications.findPlannedTrips(Arrays.stream(ApplicationStatus.values())
                .filter(ApplicationStatus::isPlannedTrip).toList(), first, last);
    }
}
