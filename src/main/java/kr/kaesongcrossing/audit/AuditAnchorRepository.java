package kr.kaesongcrossing.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditAnchorRepository extends JpaRepository<AuditAnchor, Long> {

    List<AuditAnchor> findTop10ByOrderByIdDesc();
}
