package kr.kaesongcrossing.pass;

import kr.kaesongcrossing.application.PermitGranted;
import kr.kaesongcrossing.application.PermitRevoked;
import kr.kaesongcrossing.application.TripApprovalWithdrawn;
import kr.kaesongcrossing.application.TripApprovedForTravel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passes follow the application's decisions and the standing permits granted and revoked, in the same transaction: an approval that cannot get its pass does
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
    void on(PermitGranted permit) {
        lifecycle.issue(permit);
    }

    @EventListener
    void on(PermitRevoked revoked) {
        lifecycle.permitRevoked(revoked.permitId(), revoked.reason());
    }

    @EventListener
    void on(TripApprovalWithdrawn withdrawal) {
        lifecycle.approvalWithdrawn(withdrawal.applicationId(), withdrawal.reason());
    }
}
