package kr.kaesongcrossing.application.permit;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StandingPermitRepository extends JpaRepository<StandingPermit, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from StandingPermit p where p.id = :id")
    Optional<StandingPermit> findForUpdate(Long id);

    List<StandingPermit> findByHolderIdOrderByValidUntilDesc(long holderId);

    List<StandingPermit> findByOrganisationIdInAndValidUntilGreaterThanEqualOrderByValidUntilAsc(
            Collection<Long> organisationIds, LocalDate until);

    List<StandingPermit> findAllByOrderByRevokedAtAscValidUntilDesc();

    /** Live permits ending on or before {@code last} whose holder was not reminded yet, by id (the lock order). */
    @Query("""
            select p.id from StandingPermit p
            where p.revokedAt is null and p.remindedAt is null and p.validUntil >= :today and p.validUntil <= :last
            order by p.id""")
    List<Long> dueForReminder(LocalDate today, LocalDate last);

    /** Live permits without the holder's identity hash (granted before it was stored), by id. */
    @Query("select p.id from StandingPermit p where p.idNumberHash is null and p.revokedAt is null"
            + " and p.validUntil >= :today order by p.id")
    List<Long> withoutIdentityHash(LocalDate today);

    /** Sets the hash where none is; a plain update, so a permit page open meanwhile is not refused as stale. */
    @Modifying
    @Query("update StandingPermit p set p.idNumberHash = :hash where p.id = :id and p.idNumberHash is null")
    int fillIdentityHash(Long id, String hash);

    /** Marks the reminder, once: 1 when this call did it, 0 when it was done already (by another instance). */
    @Modifying
    @Query("update StandingPermit p set p.remindedAt = :now where p.id = :id and p.remindedAt is null")
    int markReminded(Long id, Instant now);
}
