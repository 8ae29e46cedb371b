package kr.kaesongcrossing.application.presence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TripPresenceRepository extends JpaRepository<TripPresence, Long> {

    /** One statement on the scan path; 0 when the trip has no row yet. */
    @Modifying
    @Query("update TripPresence p set p.inside = :inside where p.applicationId = :applicationId")
    int move(long applicationId, boolean inside);
}
