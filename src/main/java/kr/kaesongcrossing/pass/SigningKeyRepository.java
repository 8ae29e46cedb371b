package kr.kaesongcrossing.pass;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, Long> {

    Optional<SigningKey> findByKid(String kid);

    List<SigningKey> findAllByOrderByCreatedAtDesc();

    /** The active key and the retired keys that signed a pass still inside its validity window. */
    @Query("""
            select k from SigningKey k
            where (k.activatedAt is not null and k.retiredAt is null)
               or exists (select 1 from Pass p where p.kid = k.kid and p.validUntil > :now)
            order by k.activatedAt desc""")
    List<SigningKey> findPublishable(Instant now);
}
