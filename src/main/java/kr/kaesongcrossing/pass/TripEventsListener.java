package kr.kaesongcrossing.pass;

import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passes follow the application's decisions, in the same transaction: an approval that cannot get its pass does
 * not commit either.
 */
@Component
class TripEventsListener {

    private final PassLifecycle lifecycle;

    TripEventsListener(PassLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(TripApprovedForTravel trip) {
        lifecycle.issue(trip);
    }

    @EventListener
    void on(TripApprovalWithdrawn withdrawal) {
        lifecycle.approvalWithdrawn(withdrawal.applicationId(), withdrawal.reason());
    }
}
