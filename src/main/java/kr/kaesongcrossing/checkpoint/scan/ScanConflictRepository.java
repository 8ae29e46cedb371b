package kr.kaesongcrossing.checkpoint.scan;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface ScanConflictRepository extends JpaRepository<ScanConflict, Long> {

    boolean existsByScanId(String scanId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ScanConflict c where c.id = :id")
    Optional<ScanConflict> lockById(long id);
}
