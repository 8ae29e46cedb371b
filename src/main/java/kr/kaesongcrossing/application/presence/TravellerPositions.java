package kr.kaesongcrossing.application.presence;

import kr.kaesongcrossing.application.TravellerCrossed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where each trip's traveller is, as the checkpoint reports it: a trip whose traveller is inside the zone or in
 * transit to or from it cannot be withdrawn by the applicant (the office still can; the traveller then leaves
 * with an alert).
 */
@Component
public class TravellerPositions {

    private final TripPresenceRepository presences;

    TravellerPositions(TripPresenceRepository presences) {
        this.presences = presences;
    }

    /** Same transaction as the scan: the flag and the crossing log never disagree. */
    @EventListener
    void on(TravellerCrossed crossed) {
        if (presences.move(crossed.applicationId(), crossed.inside()) == 0) {
            presences.save(new TripPresence(crossed.applicationId(), crossed.inside()));
        }
    }

    public boolean inside(long applicationId) {
        return presences.findById(applicationId).map(TripPresence::isInside).orElse(false);
    }
}
