package kr.kaesongcrossing.account;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasswordResetLinkRepository extends JpaRepository<PasswordResetLink, Long> {

    Optional<PasswordResetLink> findByTokenHash(String tokenHash);

    /** The link's row, locked until the transaction ends: of two uses at once, one waits and then finds it spent. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PasswordResetLink l where l.tokenHash = :tokenHash")
    Optional<PasswordResetLink> lockByTokenHash(@Param("tokenHash") String tokenHash);

    /** Links of an account that could still be used: a new password spends them all. */
    @Modifying(flushAutomatically = true)
    @Query("update PasswordResetLink l set l.usedAt = :now where l.accountId = :accountId and l.usedAt is null")
    int spendAll(@Param("accountId") long accountId, @Param("now") Instant now);

    @Modifying
    @Query("delete from PasswordResetLink l where l.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}
