package kr.kaesongcrossing.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MembershipRequestRepository extends JpaRepository<MembershipRequest, Long> {

    List<MembershipRequest> findByOrganisationIdAndStatusOrderByRequestedAtAsc(long organisationId,
            MembershipRequest.Status status);

    List<MembershipRequest> findByAccountIdOrderByRequestedAtDesc(long accountId);

    boolean existsByOrganisationIdAndAccountIdAndStatus(long organisationId, long accountId,
            MembershipRequest.Status status);

    /** Each organisation with requests in this status and how many, in one grouped query. */
    @Query("select r.organisationId as organisationId, count(r) as requests from MembershipRequest r"
            + " where r.status = :status group by r.organisationId")
    List<OrganisationCount> countByOrganisation(@Param("status") MembershipRequest.Status status);

    interface OrganisationCount {
        long getOrganisationId();

        long getRequests();
    }
}
