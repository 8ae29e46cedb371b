package kr.kaesongcrossing.application.permit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PermitRenewalRepository extends JpaRepository<PermitRenewal, Long> {

    List<PermitRenewal> findByStatusOrderByRequestedAtAsc(PermitRenewal.Status status);

    List<PermitRenewal> findByPermitIdInAndStatusOrderByDecidedAtAsc(Collection<Long> permitIds,
            PermitRenewal.Status status);

    List<PermitRenewal> findByPermitIdInAndStatus(Collection<Long> permitIds, PermitRenewal.Status status);
}
