package kr.kaesongcrossing.application.profile;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TravellerProfileRepository extends JpaRepository<TravellerProfile, Long> {

    Optional<TravellerProfile> findByAccountIdAndOrganisationIdIsNull(long accountId);

    List<TravellerProfile> findByOrganisationIdOrderByNameKorean(long organisationId);

    boolean existsByOrganisationIdAndAccountId(long organisationId, long accountId);

    /** Profiles organisations keep about this person. */
    List<TravellerProfile> findByAccountIdAndOrganisationIdIsNotNull(long accountId);

    /**
     * Moves the profiles' last use on to {@code day} (a trip's return date), never back. Plain SQL, not mapped on the
     * entity: a profile form open meanwhile neither overwrites it nor is refused as stale.
     */
    @Modifying
    @Query(value = "UPDATE traveller_profile SET used_until = :day WHERE id IN (:ids)"
            + " AND (used_until IS NULL OR used_until < :day)", nativeQuery = true)
    int markUsed(@Param("ids") Collection<Long> ids, @Param("day") LocalDate day);
}
