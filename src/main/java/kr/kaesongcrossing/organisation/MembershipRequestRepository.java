package kr.kaesongcrossing.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRequestRepository extends JpaRepository<MembershipRequest, Long> {

    List<MembershipRequest> findByOrganisationIdAndStatusOrderByRequestedAtAsc(long organisationId,
            MembershipRequest.Status status);

    List<MembershipRequest> findByAccountIdOrderByRequestedAtDesc(long accountId);

    boolean existsByOrganisationIdAndAccountIdAndStatus(long organisationId, long accountId,
            MembershipRequest.Status status);

    long countByOrganisationIdAndStatus(long organisationId, MembershipRequest.Status status);
}
