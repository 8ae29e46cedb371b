package kr.kaesongcrossing.application.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whether the crossing log shows the trip's traveller across now, in transit or inside the zone (from
 * {@link TravellerCrossed}).
 */
@Entity
@Table(name = "trip_presence")
class TripPresence {

    @Id
    @Column(name = "application_id")
    private Long applicationId;

    @Column(nullable = false)
    private boolean inside;

    protected TripPresence() {
    }

    TripPresence(long applicationId, boolean inside) {
        this.applicationId = applicationId;
        this.inside = inside;
    }

    boolean isInside() {
        return inside;
    }
}
