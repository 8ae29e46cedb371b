package kr.kaesongcrossing.account;

import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    /** The id alone: a sign-in then reads the row locked ({@link #lockById}), not an earlier copy of it. */
    @Query("select a.id from UserAccount a where lower(a.email) = lower(:email)")
    Optional<Long> findIdByEmail(@Param("email") String email);

    boolean existsByEmailIgnoreCase(String email);

    List<UserAccount> findByEmailEndingWithIgnoreCaseAndEnabledTrue(String suffix);

    boolean existsByRole(Role role);

    long countByRoleAndEnabledTrue(Role role);

    Page<UserAccount> findAllByOrderByEmailAsc(Pageable pageable);

    /** The account's row, locked until the transaction ends: a sign-in decides on what an administrator left. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.id = :id")
    Optional<UserAccount> lockById(@Param("id") long id);

    /**
     * Counts a wrong password in one statement, so parallel attempts each add one (no read-then-write in Java).
     * Not while a lock lasts; the first failure after a lock starts the count again. failedLogins is assigned
     * first: MySQL reads a column set earlier in the same statement with its new value.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UserAccount a set a.failedLogins = case when a.lockedUntil is null then a.failedLogins + 1 "
            + "else 1 end, a.lockedUntil = null where a.id = :id and (a.lockedUntil is null or a.lockedUntil <= :now)")
    int countFailedLogin(@Param("id") long id, @Param("now") Instant now);

    /** Counts a wrong password (inside a transaction); true when this failure locked the account. */
    default boolean recordFailedLogin(long id, Instant now, int max, Duration lockFor) {
        return countFailedLogin(id, now) == 1 && lockAfterFailures(id, max, now.plus(lockFor)) == 1;
    }

    /** Locks the account when the count reached {@code max}; 1 for the one failure that did it. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UserAccount a set a.lockedUntil = :until where a.id = :id and a.lockedUntil is null "
            + "and a.failedLogins >= :max")
    int lockAfterFailures(@Param("id") long id, @Param("max") int max, @Param("until") Instant until);
}
