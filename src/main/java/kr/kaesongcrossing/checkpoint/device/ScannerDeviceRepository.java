package kr.kaesongcrossing.checkpoint.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ScannerDeviceRepository extends JpaRepository<ScannerDevice, Long> {

    Optional<ScannerDevice> findByTokenHash(String tokenHash);

    List<ScannerDevice> findAllByOrderByRevokedAtAscCreatedAtDesc();

    /** Records a contact unless one was recorded since {@code since} (another instance may just have done so). */
    @Modifying
    @Query("""
            update ScannerDevice d set d.lastContactAt = :now
            where d.id = :id and (d.lastContactAt is null or d.lastContactAt < :since)""")
    int touch(long id, Instant now, Instant since);
}
