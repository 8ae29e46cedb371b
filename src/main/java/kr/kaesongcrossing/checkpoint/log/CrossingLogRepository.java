package kr.kaesongcrossing.checkpoint.log;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CrossingLogRepository extends JpaRepository<CrossingLogEntry, Long> {

    Optional<CrossingLogEntry> findByScanId(String scanId);

    List<CrossingLogEntry> findByScanIdIn(Collection<String> scanIds);

    /** The vehicle's row of a vehicle-lane scan whose driver was scanned as {@code driverScanId}. */
    Optional<CrossingLogEntry> findFirstByDriverScanId(String driverScanId);

    boolean existsByOverrideOf(String scanId);
}
