package kr.kaesongcrossing.pass;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PassRepository extends JpaRepository<Pass, Long> {

    Optional<Pass> findByPassId(String passId);

    /** {@code SELECT ... FOR UPDATE} of one pass row. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pass p where p.passId = :passId")
    Optional<Pass> lockByPassId(String passId);

    /** {@code SELECT ... FOR UPDATE} of several pass rows, in one statement. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pass p where p.passId in :passIds")
    List<Pass> lockByPassIdIn(Collection<String> passIds);

    Optional<Pass> findByCurrentForApplication(Long applicationId);

    List<Pass> findByApplicationIdAndReplacedByIsNull(long applicationId);

    Optional<Pass> findByCurrentVehicleForApplication(Long applicationId);

    Optional<Pass> findByCurrentForPermit(Long permitId);

    List<Pass> findByPermitIdAndReplacedByIsNull(long permitId);

    /** A person's passes, newest first; a trip's vehicle pass right after its person's pass (same instant). */
    List<Pass> findByHolderAccountIdOrderByIssuedAtDescKindAsc(long holderAccountId);

    List<Pass> findAllByOrderByIssuedAtDescKindAsc(Pageable page);

    @Query("""
            select p from Pass p
            where p.applicationReference = :query or p.passId = :query
               or lower(p.holderNameLatin) like lower(concat('%', :query, '%'))
               or p.holderNameKorean like concat('%', :query, '%')
            order by p.issuedAt desc, p.kind""")
    List<Pass> search(String query, Pageable page);

    /** Revoked passes whose window has not ended: what an offline verifier must refuse. */
    @Query("""
            select new kr.kaesongcrossing.pass.RevokedPass(p.passId, p.revokedAt) from Pass p
            where p.revokedAt is not null and p.validUntil > :now
            order by p.revokedAt""")
    List<RevokedPass> findRevokedValidAfter(Instant now);
}
