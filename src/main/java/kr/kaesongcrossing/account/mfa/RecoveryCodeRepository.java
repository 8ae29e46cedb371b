package kr.kaesongcrossing.account.mfa;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    /** Uses the code in one statement: 1 for the one caller that used it, 0 when unknown or used before. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RecoveryCode c set c.usedAt = :now where c.accountId = :id and c.codeHash = :hash "
            + "and c.usedAt is null")
    int use(@Param("id") long accountId, @Param("hash") String codeHash, @Param("now") Instant now);

    long countByAccountId(long accountId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RecoveryCode c where c.accountId = :id")
    int deleteByAccount(@Param("id") long accountId);
}
