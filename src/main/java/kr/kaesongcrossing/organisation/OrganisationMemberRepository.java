package kr.kaesongcrossing.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationMemberRepository extends JpaRepository<OrganisationMember, Long> {

    /** A page of the organisation's members, coordinators first (COORDINATOR sorts before MEMBER), then by joining. */
    Page<OrganisationMember> findByOrganisationIdOrderByRoleAscJoinedAtAscIdAsc(long organisationId,
            Pageable pageable);

    List<OrganisationMember> findByOrganisationIdOrderByRoleAscJoinedAtAsc(long organisationId);

    List<OrganisationMember> findByAccountId(long accountId);

    Optional<OrganisationMember> findByOrganisationIdAndAccountId(long organisationId, long accountId);

    boolean existsByOrganisationIdAndAccountId(long organisationId, long accountId);

    boolean existsByOrganisationIdAndAccountIdAndRole(long organisationId, long accountId, OrganisationRole role);

    long countByOrganisationId(long organisationId);

    long countByOrganisationIdAndRole(long organisationId, OrganisationRole role);
}
