package kr.kaesongcrossing.checkpoint.log;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CrossingLogRepository extends JpaRepository<CrossingLogEntry, Long> {

    Optional<CrossingLogEntry> findByScanId(String scanId);

    boolean existsByOverrideOf(String scanId);
}
