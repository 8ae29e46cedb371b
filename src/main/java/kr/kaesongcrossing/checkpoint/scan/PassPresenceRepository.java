package kr.kaesongcrossing.checkpoint.scan;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PassPresenceRepository extends JpaRepository<PassPresence, String> {

    /** Flags a revoked pass for the roster (a holder inside is let out with an alert). */
    @Modifying
    @Query("update PassPresence p set p.revoked = true where p.passId = :passId")
    int markRevoked(String passId);
}
