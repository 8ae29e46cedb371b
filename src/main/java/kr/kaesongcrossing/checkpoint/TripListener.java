package kr.kaesongcrossing.checkpoint;

import kr.kaesongcrossing.application.TripApprovedForTravel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps each approved trip's planned dates for the roster (same transaction as the approval). */
@Component
class TripListener {

    private final CheckpointTripRepository trips;

    TripListener(CheckpointTripRepository trips) {
        this.trips = trips;
    }

    @EventListener
    void on(TripApprovedForTravel approved) {
        trips.save(new CheckpointTrip(approved.applicationId(), approved.reference(), approved.entryDate(),
                approved.returnDate()));
    }
}
