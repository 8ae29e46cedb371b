package kr.kaesongcrossing.checkpoint;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CrossingLogRepository extends JpaRepository<CrossingLogEntry, Long> {

    Optional<CrossingLogEntry> findByScanId(String scanId);

    boolean existsByOverrideOf(String scanId);
}
