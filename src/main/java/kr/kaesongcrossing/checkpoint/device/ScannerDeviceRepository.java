package kr.kaesongcrossing.checkpoint.device;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScannerDeviceRepository extends JpaRepository<ScannerDevice, Long> {

    Optional<ScannerDevice> findByTokenHash(String tokenHash);

    List<ScannerDevice> findAllByOrderByRevokedAtAscCreatedAtDesc();
}
