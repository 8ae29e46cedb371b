package kr.kaesongcrossing.account.mfa;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TotpFactorRepository extends JpaRepository<TotpFactor, Long> {

    /**
     * Takes a time step for the account in one statement: 1 when no code of this step or a later one was accepted
     * before, 0 otherwise. Two parallel uses of the same code cannot both get 1.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update TotpFactor f set f.lastUsedStep = :step where f.accountId = :id "
            + "and (f.lastUsedStep is null or f.lastUsedStep < :step)")
    int useStep(@Param("id") long accountId, @Param("step") long step);
}
