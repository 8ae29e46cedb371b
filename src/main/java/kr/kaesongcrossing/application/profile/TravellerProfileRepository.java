package kr.kaesongcrossing.application.profile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TravellerProfileRepository extends JpaRepository<TravellerProfile, Long> {

    Optional<TravellerProfile> findByAccountIdAndOrganisationIdIsNull(long accountId);

    List<TravellerProfile> findByOrganisationIdOrderByNameKorean(long organisationId);

    boolean existsByOrganisationIdAndAccountId(long organisationId, long accountId);

    /** Profiles organisations keep about this person. */
    List<TravellerProfile> findByAccountIdAndOrganisationIdIsNotNull(long accountId);
}
