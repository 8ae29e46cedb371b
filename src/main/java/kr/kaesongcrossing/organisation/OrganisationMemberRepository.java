package kr.kaesongcrossing.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationMemberRepository extends JpaRepository<OrganisationMember, Long> {

    List<OrganisationMember> findByOrganisationIdOrderByRoleAscJoinedAtAsc(long organisationId);

    List<OrganisationMember> findByAccountId(long accountId);

    Optional<OrganisationMember> findByOrganisationIdAndAccountId(long organisationId, long accountId);

    boolean existsByOrganisationIdAndAccountId(long organisationId, long accountId);

    boolean existsByOrganisationIdAndAccountIdAndRole(long organisationId, long accountId, OrganisationRole role);

    long countByOrganisationId(long organisationId);
}
