package kr.kaesongcrossing.checkpoint.roster;

import kr.kaesongcrossing.application.TripApprovedForTravel;
import kr.kaesongcrossing.checkpoint.scan.PassPresenceRepository;
import kr.kaesongcrossing.pass.PassRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what the roster needs from other modules, in the same transaction as their change: each approved trip's
 * planned dates, and which passes of people inside were revoked.
 */
@Component
class TripListener {

    private final CheckpointTripRepository trips;
    private final PassPresenceRepository presences;

    TripListener(CheckpointTripRepository trips, PassPresenceRepository presences) {
        this.trips = trips;
        this.presences = presences;
    }

    @EventListener
    void on(PassRevoked revoked) {
        presences.markRevoked(revoked.passId());
    }

    @EventListener
    void on(TripApprovedForTravel approved) {
        trips.save(new CheckpointTrip(approved.applicationId(), approved.reference(), approved.entryDate(),
                approved.returnDate()));
    }
}
